import { styled } from 'styled-components';

// The design system's ProgressBar is drawn for dark backgrounds and never passes its value on (no aria-valuenow):
// a plain, labelled bar instead, shared by the Stock and Leads pages.
const Track = styled.div`
  width: 100%;
  max-width: 32rem;
  height: 0.8rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme }) => theme.colors.neutral150};
  overflow: hidden;
`;
const Fill = styled.div<{ $percent: number }>`
  width: ${({ $percent }) => $percent}%;
  height: 100%;
  background: ${({ theme }) => theme.colors.primary600};
  transition: width 0.3s ease;
`;

export const ProgressBar = ({ percent, label }: { percent: number; label: string }) => (
  <Track role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
    <Fill $percent={percent} />
  </Track>
);
