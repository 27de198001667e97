/**
 * Stages a run can be forked from. Their outputs are plain data (no code versions or test results of the parent
 * run), so they can be edited by a user and copied into a new run as they are. No imports: the browser reads it too.
 */
export const FORKABLE_STAGES: readonly string[] = ["reflect", "validate_reflection", "possible_solutions", "choose_solution", "ai_tests", "validate_ai_tests"];
