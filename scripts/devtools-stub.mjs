// Ink connects to React DevTools only when DEV=true; the tutor never does, so the build
// puts this empty module where `react-devtools-core` would be (it is not installed).
export default {};
