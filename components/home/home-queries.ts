/** The tasks.list input of the home page's recent tasks: the ten newest. */
export const RECENT_TASKS_INPUT = { page: 1, pageSize: 10 } as const;
