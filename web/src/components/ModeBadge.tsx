const labels: Record<string, string> = {
  BOT: 'Bot',
  HUMAN: 'Human',
};

/** Who answers this conversation: the assistant ("Bot") or a person. */
export function ModeBadge({ mode }: { mode: string }) {
  const label = labels[mode] ?? mode.charAt(0) + mode.slice(1).toLowerCase();
  return (
    <span className={`badge badge-mode-${mode.toLowerCase()}`} title={`Mode: ${label}`}>
      {label}
    </span>
  );
}
