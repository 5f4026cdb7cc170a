namespace Crm.Sdk.Storage;

/// <summary>Sums of amounts per currency, from aggregate rows grouped by a currency index.</summary>
internal static class MoneyTotals
{
    public static IReadOnlyList<Money> ByCurrency(IEnumerable<AggregateResult> rows, string currencyIndex, ProviderKit.AggregateFunction sum, decimal factor = 1m) =>
        rows.Select(r => (Currency: r.Text(currencyIndex), Amount: r.Number(sum)))
            .Where(r => r.Currency is not null && r.Amount is not null)
            .GroupBy(r => r.Currency!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Money.Of(decimal.Round(g.Sum(r => r.Amount!.Value) * factor, Money.MaxDecimalPlaces), g.Key))
            .ToArray();
}
