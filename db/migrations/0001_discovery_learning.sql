CREATE TABLE `discovery_probes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`item_id` text NOT NULL,
	`capability` text NOT NULL,
	`outcome` text NOT NULL,
	`score` real,
	`detail` text,
	`judge_verdict` text,
	`latency_ms` integer,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `discovery_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `discovery_probes_run_idx` ON `discovery_probes` (`run_id`,`id`);--> statement-breakpoint
CREATE TABLE `discovery_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`suite_id` text,
	`status` text NOT NULL,
	`capabilities` text NOT NULL,
	`progress` text,
	`result` text,
	`error` text,
	`probes_used` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`started_by` text,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `discovery_runs_model_idx` ON `discovery_runs` (`model_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `profile_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` text NOT NULL,
	`capability` text NOT NULL,
	`mean` real NOT NULL,
	`low` real NOT NULL,
	`high` real NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `profile_history_model_idx` ON `profile_history` (`model_id`,`capability`,`at`);--> statement-breakpoint
CREATE TABLE `suite_items` (
	`id` text PRIMARY KEY NOT NULL,
	`suite_id` text NOT NULL,
	`item` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`suite_id`) REFERENCES `suites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `suite_items_suite_idx` ON `suite_items` (`suite_id`);--> statement-breakpoint
CREATE TABLE `suites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`capability` text NOT NULL,
	`description` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `task_feedback` (
	`task_id` text NOT NULL,
	`user_id` text NOT NULL,
	`value` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`task_id`, `user_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `capability_profiles` ADD `discovered_alpha` real;--> statement-breakpoint
ALTER TABLE `capability_profiles` ADD `discovered_beta` real;--> statement-breakpoint
ALTER TABLE `capability_profiles` ADD `discovered_at` integer;--> statement-breakpoint
ALTER TABLE `capability_profiles` ADD `observations` integer DEFAULT 0 NOT NULL;