// Imported first by bench/run.ts: React and Ink are measured as the installed tutor runs them,
// with React's production build (dist/ is compiled with NODE_ENV=production).
process.env.NODE_ENV = 'production';
