// Guided steps for the vendor's tools: plain data (steps.ts) and its text and Markdown (render.ts).
export { buildGuide, HELP_URL, type Guide, type GuideGroup, type GuideLicense, type GuideStep, type GuideStepKind } from './steps';
export { guideMarkdown, guideText, stepLines } from './render';
export { productOf, toolFor, topServerOf, TOOL_NAMES, type ToolPlace } from './tools';
export { answerLines, parseAnswer, recordRequestFor, type ChecklistAnswer } from './checklist';
export { guideNow } from './now';
