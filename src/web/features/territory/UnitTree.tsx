import { CancelledError, useQueries, useQueryClient } from '@tanstack/react-query';
import { Empty, Flex, Skeleton, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../core/numbers';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { useT } from '../../app/i18n';
import { LEVEL_COLORS } from './territory-labels';
import { unitChildrenQuery, unitDetailQuery, useUnitChildren, type UnitChild } from './territory.api';

/**
 * A fetch shared with a component that unmounts meanwhile (the summary beside
 * the tree) is cancelled with it; the reveal still needs the answer, so it asks again.
 */
async function surviveCancel<T>(fetch: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fetch();
    } catch (error) {
      if (!(error instanceof CancelledError) || attempt >= 2) throw error;
    }
  }
}

const SCROLL_DELAY_MS = 400;

function UnitNodeTitle({ unit }: { unit: UnitChild }) {
  const t = useT();
  return (
    <Flex align="center" gap={8} wrap={false} data-unit-node={unit.id} className="territory-tree-node">
      <Typography.Text strong={unit.level === 'province'}>{unit.name}</Typography.Text>
      <Tag color={LEVEL_COLORS[unit.level]} variant="outlined" style={{ marginInlineEnd: 0 }}>
        {unit.type}
      </Tag>
      <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12 }}>
        {t('territory.codeShort', { code: unit.code })}
      </Typography.Text>
      {unit.childCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          · {t('territory.tree.childCount', { count: formatCount(unit.childCount) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

interface UnitTreeProps {
  asOf: string;
  selectedId: string | null;
  onSelect: (unitId: string) => void;
}

/**
 * Provinces, then each unit's children as of `asOf`, fetched when a node is
 * opened. The selected unit (from a search, or from the address after Back)
 * is revealed: its ancestors are opened and it is scrolled into view.
 * The parent remounts it when the day changes, so nothing of another day's tree lingers.
 */
export function UnitTree({ asOf, selectedId, onSelect }: UnitTreeProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const roots = useUnitChildren(null, asOf);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  const scrollBox = useRef<HTMLDivElement>(null);

  const childLists = useQueries({ queries: expanded.map((id) => unitChildrenQuery(id, asOf)) });
  const childrenOf = new Map(expanded.map((id, index) => [id, childLists[index]?.data?.items]));

  function toNode(unit: UnitChild): TreeDataNode {
    const children = childrenOf.get(unit.id);
    return {
      key: unit.id,
      title: <UnitNodeTitle unit={unit} />,
      isLeaf: unit.childCount === 0,
      children: children?.map(toNode),
    };
  }

  useEffect(() => {
    if (!selectedId) return;
    let cancelled = false;
    async function reveal(unitId: string) {
      let unit = await surviveCancel(() => queryClient.fetchQuery(unitDetailQuery(unitId, asOf)));
      if (!unit.validOnDate) return;
      const ancestors: string[] = [];
      while (unit.level !== 'province' && unit.parentId) {
        const parentId = unit.parentId;
        ancestors.unshift(parentId);
        unit = await surviveCancel(() => queryClient.fetchQuery(unitDetailQuery(parentId, asOf)));
      }
      await Promise.all(ancestors.map((id) => surviveCancel(() => queryClient.fetchQuery(unitChildrenQuery(id, asOf)))));
      if (cancelled) return;
      setExpanded((previous) => [...previous, ...ancestors.filter((id) => !previous.includes(id))]);
      setScrollTarget(unitId);
    }
    // A unit that cannot be revealed stays selected; the summary beside the tree says why.
    reveal(selectedId).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [selectedId, asOf, queryClient]);

  useEffect(() => {
    if (!scrollTarget) return;
    // Measured once the opening animation of the ancestors has ended; during it the rows are still short.
    const timer = setTimeout(() => {
      const box = scrollBox.current;
      const node = box?.querySelector(`[data-unit-node="${CSS.escape(scrollTarget)}"]`);
      if (!box || !node) return;
      // Only the tree's own box scrolls, so the page and the summary beside it stay put.
      const boxTop = box.getBoundingClientRect().top;
      const nodeTop = node.getBoundingClientRect().top;
      if (nodeTop < boxTop || nodeTop > boxTop + box.clientHeight - 32) box.scrollTop += nodeTop - boxTop - box.clientHeight / 3;
      setScrollTarget(null);
    }, SCROLL_DELAY_MS);
    return () => clearTimeout(timer);
  });

  if (roots.isError) return <QueryErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (roots.data.items.length === 0) return <Empty description={t('territory.tree.empty')} />;

  return (
    <div ref={scrollBox} style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 360, overflow: 'auto' }}>
      <Tree
        data-testid="unit-tree"
        treeData={roots.data.items.map(toNode)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const [key] = keys;
          if (key !== undefined) onSelect(String(key));
        }}
        loadData={(node) => queryClient.fetchQuery(unitChildrenQuery(String(node.key), asOf)).then(() => undefined)}
        blockNode
        showLine
      />
    </div>
  );
}
