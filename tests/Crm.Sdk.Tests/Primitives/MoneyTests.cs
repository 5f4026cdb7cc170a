using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Primitives;

/// <summary>The money value object.</summary>
public sealed class MoneyTests : IDisposable
{
    private readonly CaseCounts _cases = new();

    private static Money Eur(decimal amount) => Money.Of(amount, "EUR");

    private static Money? Try(Func<Money> operation)
    {
        try
        {
            return operation();
        }
        catch (CrmValidationException ex) when (ex.Errors.All(e => e.Rule == "amount-range"))
        {
            return null;
        }
    }

    public void Dispose() => _cases.Verify();

    [Fact]
    public void Currency_is_upper_cased_and_must_be_three_letters()
    {
        Assert.Equal("EUR", Money.Of(1m, "eur").Currency);

        foreach (var bad in new[] { "", "EU", "EURO", "E1R", "€€€" })
        {
            var ex = Assert.Throws<CrmValidationException>(() => Money.Of(1m, bad));
            Assert.Equal(("Currency", "currency-iso4217"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        }
    }

    [Fact]
    public void An_amount_has_at_most_four_decimal_places()
    {
        Assert.Equal(1.2345m, Money.Of(1.2345m, "USD").Amount);
        Assert.Equal(1.5m, Money.Of(1.50000m, "USD").Amount);

        var ex = Assert.Throws<CrmValidationException>(() => Money.Of(1.23456m, "USD"));

        Assert.Equal(("Amount", "amount-precision"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
    }

    [Fact]
    public void An_amount_stays_below_ten_to_the_fourteenth()
    {
        Assert.Equal(99_999_999_999_999.9999m, Money.Of(99_999_999_999_999.9999m, "JPY").Amount);

        var ex = Assert.Throws<CrmValidationException>(() => Money.Of(-Money.MaxAbsoluteAmount, "JPY"));

        Assert.Equal("amount-range", Assert.Single(ex.Errors).Rule);
    }

    [Fact]
    public void Both_parts_are_reported_when_both_are_wrong()
    {
        var ex = Assert.Throws<CrmValidationException>(() => Money.Of(0.00001m, "x"));

        Assert.Equal(["Currency", "Amount"], ex.Errors.Select(e => e.Field));
    }

    /// <summary>Same-currency sums of the same amounts are accepted; mixed-currency ones are refused.</summary>
    [Property(Arbitrary = [typeof(SummableAmounts)])]
    public void Mixing_currencies_is_a_domain_rule_violation(decimal a, decimal b)
    {
        var eur = Eur(a);
        var usd = Money.Of(b, "USD");

        Assert.Equal(a + b, (eur + Eur(b)).Amount);
        Assert.Equal("currency-mismatch", Assert.Throws<DomainRuleException>(() => eur + usd).Rule);
        Assert.Equal("currency-mismatch", Assert.Throws<DomainRuleException>(() => usd - eur).Rule);
        Assert.Equal("currency-mismatch", Assert.Throws<DomainRuleException>(() => eur < usd).Rule);
    }

    /// <summary>Amounts below a third of the bound: every sum of two or three is in range, so each case checks an accepted sum.</summary>
    [Property(Arbitrary = [typeof(SummableAmounts)])]
    public bool Addition_is_commutative(decimal a, decimal b) =>
        Eur(a) + Eur(b) == Eur(b) + Eur(a);

    /// <summary>Amounts below a third of the bound, so neither grouping can leave the range: the property never passes on overflow.</summary>
    [Property(Arbitrary = [typeof(SummableAmounts)])]
    public bool Addition_is_associative_within_range(decimal a, decimal b, decimal c) =>
        (Eur(a) + Eur(b)) + Eur(c) == Eur(a) + (Eur(b) + Eur(c))
        && ((Eur(a) + Eur(b)) + Eur(c)).Amount == a + b + c;

    [Property(Arbitrary = [typeof(SummableAmounts)])]
    public bool Adding_then_subtracting_the_same_amount_gives_the_original(decimal a, decimal b) =>
        Eur(a) + Eur(b) - Eur(b) == Eur(a);

    /// <summary>Amounts anywhere in the range, including close to its bounds: a sum is exact when in range and rejected otherwise, and both happen.</summary>
    [Property(Arbitrary = [typeof(AnyAmounts)], MaxTest = 300)]
    public bool A_sum_is_exact_or_rejected_never_truncated(decimal a, decimal b)
    {
        _cases.Require("accepted", 30).Require("rejected", 10);
        var sum = Try(() => Eur(a) + Eur(b));
        return _cases.Count(sum is not null)
            ? sum!.Value.Amount == a + b
            : Math.Abs(a + b) >= Money.MaxAbsoluteAmount;
    }

    [Fact]
    public void A_sum_out_of_range_is_rejected_not_truncated()
    {
        var max = Eur(99_999_999_999_999m);

        var ex = Assert.Throws<CrmValidationException>(() => max + Eur(1m));

        Assert.Equal("amount-range", Assert.Single(ex.Errors).Rule);
    }

    [Fact]
    public void Money_formats_with_at_least_two_decimals()
    {
        Assert.Equal("12.50 EUR", Eur(12.5m).ToString());
        Assert.Equal("0.1234 EUR", Eur(0.1234m).ToString());
    }

    /// <summary>Amounts with 0–4 decimal places anywhere in the allowed range, from the smallest to the largest.</summary>
    private static readonly Gen<decimal> Spread =
        from high in Gen.Choose(-9_999_999, 9_999_999)
        from low in Gen.Choose(0, 9_999_999)
        from scale in Gen.Choose(0, 4)
        from small in Gen.Elements(true, false)
        let units = small ? high : (high * 10_000_000m) + (high < 0 ? -low : low)
        select units / (decimal)Math.Pow(10, scale);

    /// <summary>Amounts within ten million units of a bound: two of the same sign always sum out of range.</summary>
    private static readonly Gen<decimal> NearBound =
        from units in Gen.Choose(0, 9_999_999)
        from fraction in Gen.Choose(1, 9_999)
        let distance = units + (fraction / 10_000m)
        from negative in Gen.Elements(true, false)
        select negative ? distance - Money.MaxAbsoluteAmount : Money.MaxAbsoluteAmount - distance;

    /// <summary>Valid amounts anywhere in the allowed range, including close to its bounds.</summary>
    public static class AnyAmounts
    {
        public static Arbitrary<decimal> Amounts() => Gen.Frequency((2, Spread), (1, NearBound)).ToArbitrary();
    }

    /// <summary>Valid amounts below a third of the bound: any sum of three stays in range.</summary>
    public static class SummableAmounts
    {
        public static Arbitrary<decimal> Amounts() =>
            Spread.Select(a => decimal.Round(a / 3m, 4, MidpointRounding.ToZero)).ToArbitrary();
    }
}
