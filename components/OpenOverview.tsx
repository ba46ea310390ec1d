/** Opens the account overview (every sequence audited in this browser) in a tab of its own. */
export function OpenOverview({ label = 'Account overview' }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/overview.html') })}
    >
      {label}
    </button>
  );
}
