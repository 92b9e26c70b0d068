import { Flex, Typography } from 'antd';
import { BRAND_GOLD } from '../theme';
import { useT } from '../i18n';

export function StarEmblem({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="15" fill="#c62828" stroke={BRAND_GOLD} strokeWidth="1.5" />
      <path fill={BRAND_GOLD} d="M16 6.5l2.4 7.3h7.7l-6.2 4.5 2.4 7.3-6.3-4.5-6.2 4.5 2.4-7.3-6.3-4.5h7.7z" />
    </svg>
  );
}

/** Product name with its emblem; `inverted` for the red header, plain for light backgrounds. */
export function BrandMark({ inverted = false, size = 32 }: { inverted?: boolean; size?: number }) {
  const t = useT();
  return (
    <Flex align="center" gap={10}>
      <StarEmblem size={size} />
      <Typography.Text strong style={{ fontSize: size * 0.56, color: inverted ? '#ffffff' : undefined, whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Typography.Text>
    </Flex>
  );
}
