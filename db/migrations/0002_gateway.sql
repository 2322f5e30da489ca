CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	`rate_limit_per_minute` integer DEFAULT 600 NOT NULL,
	`monthly_budget_usd` real,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_idx` ON `api_keys` (`hash`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `pinned_model_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `api_key_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `messages` text;--> statement-breakpoint
CREATE INDEX `tasks_api_key_created_idx` ON `tasks` (`api_key_id`,`created_at`);