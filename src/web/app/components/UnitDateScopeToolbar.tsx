import { Breadcrumb, DatePicker, Flex, Switch, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { DATE_DISPLAY_FORMAT, fromApiDate, toApiDate } from '../format/dates';

/**
 * Which unit, on which day, key cadres only or everyone: the row above a
 * summary of a unit's cadres. The page brings its own unit picker (`unit`),
 * since each keeps the picker in step with its own data.
 */
export function UnitDateScopeToolbar({
  unit,
  asOf,
  asOfLabel,
  asOfTestId,
  onAsOfChange,
  keyOnly,
  keyOnlyLabel,
  onKeyOnlyChange,
}: {
  unit: ReactNode;
  asOf: string;
  asOfLabel: string;
  asOfTestId: string;
  onAsOfChange: (asOf: string) => void;
  keyOnly: boolean;
  keyOnlyLabel: string;
  onKeyOnlyChange: (keyOnly: boolean) => void;
}) {
  return (
    <Flex gap={16} wrap align="center">
      {unit}
      <Flex align="center" gap={8}>
        <Typography.Text strong>{asOfLabel}</Typography.Text>
        <DatePicker
          value={fromApiDate(asOf)}
          format={DATE_DISPLAY_FORMAT}
          allowClear={false}
          onChange={(date) => date && onAsOfChange(toApiDate(date))}
          aria-label={asOfLabel}
          data-testid={asOfTestId}
          style={{ width: 140 }}
        />
      </Flex>
      <Flex align="center" gap={8}>
        <Switch checked={keyOnly} onChange={onKeyOnlyChange} aria-label={keyOnlyLabel} />
        <Typography.Text>{keyOnlyLabel}</Typography.Text>
      </Flex>
    </Flex>
  );
}

/** The units drilled through, each but the last a link back up to it (`hrefOf` gives it an address to open or share). */
export function UnitTrail({
  crumbs,
  onDrill,
  hrefOf,
  style,
  testId,
}: {
  crumbs: readonly { id: string; name: string }[];
  onDrill: (unitId: string) => void;
  hrefOf?: (unitId: string) => string;
  style: CSSProperties;
  testId?: string;
}) {
  return (
    <Breadcrumb
      style={style}
      data-testid={testId}
      items={crumbs.map((crumb, index) => ({
        key: crumb.id,
        title:
          index === crumbs.length - 1 ? (
            crumb.name
          ) : (
            <a
              href={hrefOf?.(crumb.id)}
              onClick={(event) => {
                event.preventDefault();
                onDrill(crumb.id);
              }}
            >
              {crumb.name}
            </a>
          ),
      }))}
    />
  );
}
