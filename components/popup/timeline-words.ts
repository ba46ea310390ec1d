// The words are shared with the Markdown and HTML exports, so they live in lib/.
export * from '@/lib/timeline-words';
