using System.Globalization;

namespace Crm.Sdk;

/// <summary>
/// An amount of money in one currency. The amount is a <see cref="decimal"/> with at most
/// <see cref="MaxDecimalPlaces"/> decimal places and an absolute value below <see cref="MaxAbsoluteAmount"/>;
/// the currency is an ISO 4217 code of three upper-case letters. Amounts in different currencies never mix.
/// </summary>
/// <remarks>
/// This is the range of one stored amount. Totals that the read APIs compute over many amounts are
/// <see cref="MoneyTotal"/> values, whose range is that of <see cref="decimal"/>.
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>The most decimal places an amount may have (ISO 4217 minor units never exceed four).</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>The exclusive upper bound of an amount's absolute value (10^14).</summary>
    public const decimal MaxAbsoluteAmount = 100_000_000_000_000m;

    private Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code, for example <c>EUR</c>.</summary>
    public string Currency { get; }

    /// <summary>Creates an amount of money, checking both parts.</summary>
    /// <param name="amount">The amount; at most four decimal places, absolute value below 10^14.</param>
    /// <param name="currency">An ISO 4217 code; lower case is accepted and upper-cased.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="CrmValidationException">The amount or the currency is invalid; the error names which.</exception>
    public static Money Of(decimal amount, string currency)
    {
        var errors = Validate(amount, currency, "Amount", "Currency");
        if (errors.Count > 0)
        {
            throw new CrmValidationException(errors);
        }

        return new Money(amount, Domain.TextKey.AsciiUpper(currency));
    }

    /// <summary>Zero in a currency.</summary>
    /// <param name="currency">An ISO 4217 code.</param>
    /// <returns>Zero of that currency.</returns>
    public static Money Zero(string currency) => Of(0m, currency);

    /// <summary>Checks an amount and a currency without throwing.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency code.</param>
    /// <param name="amountField">The field name to report for the amount.</param>
    /// <param name="currencyField">The field name to report for the currency.</param>
    /// <returns>The broken rules; empty when valid.</returns>
    public static IReadOnlyList<ValidationError> Validate(decimal amount, string? currency, string amountField, string currencyField)
    {
        var errors = new List<ValidationError>();
        if (CurrencyError(currency, currencyField) is { } currencyError)
        {
            errors.Add(currencyError);
        }

        if (amount.Scale > MaxDecimalPlaces && decimal.Round(amount, MaxDecimalPlaces) != amount)
        {
            errors.Add(new ValidationError(amountField, "amount-precision", $"The amount {amount.ToString(CultureInfo.InvariantCulture)} has more than {MaxDecimalPlaces} decimal places."));
        }

        if (Math.Abs(amount) >= MaxAbsoluteAmount)
        {
            errors.Add(new ValidationError(amountField, "amount-range", $"The amount's absolute value must be below {MaxAbsoluteAmount.ToString(CultureInfo.InvariantCulture)}."));
        }

        return errors;
    }

    /// <summary>The error of a currency code that is not three ASCII letters, or <see langword="null"/>.</summary>
    internal static ValidationError? CurrencyError(string? currency, string currencyField) =>
        string.IsNullOrEmpty(currency) || currency.Length != 3 || !currency.All(char.IsAsciiLetter) || !CurrencyCodes.IsAssigned(currency.ToUpperInvariant())
            ? new ValidationError(currencyField, "currency-iso4217", $"'{currency}' is not an ISO 4217 currency code (three letters of the standard's list, such as EUR, CNY or USD).")
            : null;

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="DomainRuleException">The currencies differ (rule <c>currency-mismatch</c>).</exception>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return Of(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="DomainRuleException">The currencies differ (rule <c>currency-mismatch</c>).</exception>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return Of(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    public Money Subtract(Money other) => this - other;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <inheritdoc />
    /// <exception cref="DomainRuleException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is less.</returns>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is greater.</returns>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is less or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <inheritdoc />
    public override string ToString() => $"{Amount.ToString("0.00##", CultureInfo.InvariantCulture)} {Currency}";

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new DomainRuleException("currency-mismatch", $"Cannot combine {left.Currency} and {right.Currency} amounts.");
        }
    }
}
