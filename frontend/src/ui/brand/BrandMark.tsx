export interface BrandMarkProps {
  /** Edge length in pixels. */
  size?: number;
  /** Accessible name; the mark is decorative without one. */
  title?: string;
}

/** The c360 mark: an orbit around a customer, on the brand gradient. */
export function BrandMark({ size = 32, title }: BrandMarkProps) {
  const id = `c360-mark-${size}`;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 48 48"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      style={{ flex: 'none', display: 'block' }}
    >
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4096ff" />
          <stop offset="1" stopColor="#0958d9" />
        </linearGradient>
      </defs>
      <rect width="48" height="48" rx="12" fill={`url(#${id})`} />
      {/* 300° of a ring: the "360" view with the opening where the customer is. */}
      <path
        d="M35.3 15.5 A14 14 0 1 0 35.3 32.5"
        fill="none"
        stroke="#fff"
        strokeWidth="4"
        strokeLinecap="round"
      />
      <circle cx="24" cy="20.5" r="4" fill="#fff" />
      <path d="M16.5 31.5 a7.5 6 0 0 1 15 0 z" fill="#fff" />
      <circle cx="37.5" cy="24" r="3" fill="#ffd666" />
    </svg>
  );
}
