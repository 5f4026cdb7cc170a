using System.Globalization;

namespace Crm.Sdk;

/// <summary>
/// A total of amounts of money in one currency, as the read APIs report it: a customer's purchases, refunds and open deal
/// amount (<see cref="Customers.Customer360"/>), a pipeline's stage amounts and forecast (<see cref="Pipelines.PipelineSummary"/>).
/// </summary>
/// <remarks>
/// A total is a sum, not a stored amount: its range is that of <see cref="decimal"/> (about ±7.9 × 10^28), not the
/// range of one <see cref="Money"/> (below <see cref="Money.MaxAbsoluteAmount"/>), so the total of many valid amounts
/// is always reported, exactly. For the same reason a total cannot be passed where an amount is stored: there is no
/// conversion to <see cref="Money"/>; to store a figure derived from a total, create it with <see cref="Money.Of"/>,
/// which checks its range.
/// </remarks>
public readonly record struct MoneyTotal
{
    /// <summary>Creates a total.</summary>
    /// <param name="amount">The amount, any <see cref="decimal"/>.</param>
    /// <param name="currency">An ISO 4217 code; lower case is accepted and upper-cased.</param>
    /// <exception cref="CrmValidationException">The currency is not three letters (rule <c>currency-iso4217</c>).</exception>
    public MoneyTotal(decimal amount, string currency)
    {
        if (Money.CurrencyError(currency, nameof(Currency)) is { } error)
        {
            throw new CrmValidationException([error]);
        }

        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    /// <summary>The total amount.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code, for example <c>EUR</c>.</summary>
    public string Currency { get; }

    /// <summary>The total in the invariant culture, like <see cref="Money.ToString"/>, for example <c>120000000000000.00 GBP</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Amount.ToString("0.00##", CultureInfo.InvariantCulture)} {Currency}";
}
