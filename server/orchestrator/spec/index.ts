import "./messages";
export * from "./capability";
export * from "./model";
export * from "./client";
export * from "./task";
export * from "./communication";
export * from "./events";
export * from "./interfaces";
