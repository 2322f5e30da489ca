"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button-classes";
import { Spinner } from "./spinner";
import { useHydrated } from "./use-hydrated";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** shows a spinner and disables the button while an action runs */
  pending?: boolean;
  icon?: ReactNode;
  /** a submit button of a form that works before hydration (a server action): enabled from the first paint */
  worksWithoutJs?: boolean;
}

export function Button({ variant, size, pending = false, icon, disabled, className, children, type = "button", worksWithoutJs = false, ...rest }: ButtonProps) {
  // A form handled in the browser, submitted before hydration, would be sent as a plain GET: its fields (a prompt,
  // a new user's password) in the URL, and nothing created. Its submit button waits for the page to be live.
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      disabled={disabled || pending || (type === "submit" && !worksWithoutJs && !hydrated)}
      aria-busy={pending || undefined}
      className={buttonClasses(variant, size, className)}
      {...rest}
    >
      {pending ? <Spinner label="Working" /> : icon}
      {children}
    </button>
  );
}
