import { Tabs, type TabsProps } from 'antd';
import { useSearchParams } from 'react-router';

const TAB_PARAM = 'tab';

/** Tabs whose open tab lives in the address (`?tab=`), so that Back and a shared link open the same one. */
export function UrlTabs({ items, defaultKey, testId }: { items: NonNullable<TabsProps['items']>; defaultKey: string; testId: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get(TAB_PARAM);
  const activeKey = items.some((tab) => tab.key === requested) ? requested! : defaultKey;
  return (
    <Tabs
      activeKey={activeKey}
      onChange={(key) =>
        setSearchParams(
          (previous) => {
            const params = new URLSearchParams(previous);
            params.set(TAB_PARAM, key);
            return params;
          },
          { replace: true },
        )
      }
      items={items}
      data-testid={testId}
    />
  );
}
