CREATE TABLE `lab_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`dataset` text NOT NULL,
	`status` text NOT NULL,
	`progress` text NOT NULL,
	`report` text,
	`error` text,
	`elapsed_ms` integer,
	`started_by` text,
	`started_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `lab_runs_started_idx` ON `lab_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `metric_rollup_state` (
	`name` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `metric_rollups_day` (
	`dim` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`key` text NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`completed` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`cache_hits` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`latency_sum` integer DEFAULT 0 NOT NULL,
	`latency_n` integer DEFAULT 0 NOT NULL,
	`ttft_sum` integer DEFAULT 0 NOT NULL,
	`ttft_n` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`sel_evaluated` integer DEFAULT 0 NOT NULL,
	`sel_efficient` integer DEFAULT 0 NOT NULL,
	`retried` integer DEFAULT 0 NOT NULL,
	`lat` blob,
	`ttft` blob,
	`errs` blob,
	PRIMARY KEY(`dim`, `bucket_start`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `metric_rollups_day_key_idx` ON `metric_rollups_day` (`dim`,`key`,`bucket_start`);--> statement-breakpoint
CREATE TABLE `metric_rollups_hour` (
	`dim` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`key` text NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`completed` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`cache_hits` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`latency_sum` integer DEFAULT 0 NOT NULL,
	`latency_n` integer DEFAULT 0 NOT NULL,
	`ttft_sum` integer DEFAULT 0 NOT NULL,
	`ttft_n` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`sel_evaluated` integer DEFAULT 0 NOT NULL,
	`sel_efficient` integer DEFAULT 0 NOT NULL,
	`retried` integer DEFAULT 0 NOT NULL,
	`lat` blob,
	`ttft` blob,
	`errs` blob,
	PRIMARY KEY(`dim`, `bucket_start`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `metric_rollups_hour_key_idx` ON `metric_rollups_hour` (`dim`,`key`,`bucket_start`);--> statement-breakpoint
CREATE TABLE `metric_rollups_minute` (
	`dim` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`key` text NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`completed` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`cache_hits` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`latency_sum` integer DEFAULT 0 NOT NULL,
	`latency_n` integer DEFAULT 0 NOT NULL,
	`ttft_sum` integer DEFAULT 0 NOT NULL,
	`ttft_n` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`sel_evaluated` integer DEFAULT 0 NOT NULL,
	`sel_efficient` integer DEFAULT 0 NOT NULL,
	`retried` integer DEFAULT 0 NOT NULL,
	`lat` blob,
	`ttft` blob,
	`errs` blob,
	PRIMARY KEY(`dim`, `bucket_start`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `metric_rollups_minute_key_idx` ON `metric_rollups_minute` (`dim`,`key`,`bucket_start`);--> statement-breakpoint
CREATE TABLE `result_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`output` text NOT NULL,
	`model_id` text,
	`task_id` text NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `result_cache_last_used_idx` ON `result_cache` (`last_used_at`);--> statement-breakpoint
CREATE TABLE `shadow_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` text NOT NULL,
	`task_model_id` text,
	`shadow_model_id` text NOT NULL,
	`status` text NOT NULL,
	`output` text,
	`error` text,
	`agrees` integer,
	`grading` text,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`latency_ms` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shadow_outcomes_task_idx` ON `shadow_outcomes` (`task_id`);--> statement-breakpoint
CREATE INDEX `shadow_outcomes_created_idx` ON `shadow_outcomes` (`created_at`);--> statement-breakpoint
CREATE TABLE `shadow_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`fraction` real DEFAULT 0 NOT NULL,
	`shadow_model_id` text,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `models` ADD `resilience` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `use_cache` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `cache_hit` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `cached_from_task_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `pinned_fallbacks` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `sampling` text;