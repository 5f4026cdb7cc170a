using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Storage;

/// <summary>Turns aggregate rows grouped by currency into one <see cref="Money"/> per currency, ordered by currency code.</summary>
internal static class MoneyTotals
{
    /// <summary>Sums the rows' <paramref name="valueIndex"/>-th value per currency found at key position <paramref name="currencyKey"/>.</summary>
    public static IReadOnlyList<Money> ByCurrency(IEnumerable<AggregateRow> rows, int currencyKey, int valueIndex, decimal factor = 1m) =>
        rows.Where(r => r.Keys[currencyKey] is string && r.Values[valueIndex] is decimal)
            .GroupBy(r => (string)r.Keys[currencyKey]!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Money.Of(decimal.Round(g.Sum(r => (decimal)r.Values[valueIndex]!) * factor, Money.MaxDecimalPlaces), g.Key))
            .ToArray();
}
