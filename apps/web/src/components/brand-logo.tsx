/** The product's mark: in the app header and on the pages used without a session. */
export function BrandLogo({ size }: { size: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size}>
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M9 11h14M9 16h14M9 21h9" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
