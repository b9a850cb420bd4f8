// Action requests as tasks: created on release, reported by replies or marked done, shown per post.
export {
  actionDashboard,
  TASK_STATUSES,
  taskStatus,
  type ActionDashboard,
  type PostActions,
  type TaskStatus,
  type TaskView,
} from "./action-dashboard.ts";
export { createTasks } from "./create-tasks.ts";
export { markTaskDone } from "./mark-task-done.ts";
export { reportTasks } from "./report-tasks.ts";
