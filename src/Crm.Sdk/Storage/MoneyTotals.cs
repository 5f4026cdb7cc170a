namespace Crm.Sdk.Storage;

/// <summary>
/// Totals of amounts per currency, from aggregate rows grouped by a currency index. Totals are <see cref="MoneyTotal"/>
/// values: a sum of valid amounts may be beyond the range of one <see cref="Money"/> and is still reported exactly.
/// </summary>
internal static class MoneyTotals
{
    public static IReadOnlyList<MoneyTotal> ByCurrency(IEnumerable<AggregateResult> rows, string currencyIndex, ProviderKit.AggregateFunction sum, decimal factor = 1m) =>
        rows.Select(r => (Currency: r.Text(currencyIndex), Amount: r.Number(sum)))
            .Where(r => r.Currency is not null && r.Amount is not null)
            .GroupBy(r => r.Currency!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyTotal(decimal.Round(g.Sum(r => r.Amount!.Value) * factor, Money.MaxDecimalPlaces), g.Key))
            .ToArray();

    /// <summary>Adds totals up per currency, in currency order.</summary>
    public static IReadOnlyList<MoneyTotal> Sum(IEnumerable<MoneyTotal> totals) =>
        totals.GroupBy(t => t.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyTotal(g.Sum(t => t.Amount), g.Key))
            .ToArray();
}
