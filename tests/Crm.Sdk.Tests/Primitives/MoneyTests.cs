using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Tests.Primitives;

/// <summary>The money value object.</summary>
public sealed class MoneyTests
{
    /// <summary>Amounts with 0–4 decimal places anywhere in the allowed range, including close to its bounds.</summary>
    private static readonly Arbitrary<decimal> Amounts = (
        from high in Gen.Choose(-9_999_999, 9_999_999)
        from low in Gen.Choose(0, 9_999_999)
        from scale in Gen.Choose(0, 4)
        from small in Gen.Elements(true, false)
        let units = small ? high : (high * 10_000_000m) + (high < 0 ? -low : low)
        select units / (decimal)Math.Pow(10, scale)).ToArbitrary();

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

    /// <summary>Currency is upper cased and must be three letters.</summary>
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

    /// <summary>An amount has at most four decimal places.</summary>
    [Fact]
    public void An_amount_has_at_most_four_decimal_places()
    {
        Assert.Equal(1.2345m, Money.Of(1.2345m, "USD").Amount);
        Assert.Equal(1.5m, Money.Of(1.50000m, "USD").Amount);

        var ex = Assert.Throws<CrmValidationException>(() => Money.Of(1.23456m, "USD"));

        Assert.Equal(("Amount", "amount-precision"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
    }

    /// <summary>An amount stays below ten to the fourteenth.</summary>
    [Fact]
    public void An_amount_stays_below_ten_to_the_fourteenth()
    {
        Assert.Equal(99_999_999_999_999.9999m, Money.Of(99_999_999_999_999.9999m, "JPY").Amount);

        var ex = Assert.Throws<CrmValidationException>(() => Money.Of(-Money.MaxAbsoluteAmount, "JPY"));

        Assert.Equal("amount-range", Assert.Single(ex.Errors).Rule);
    }

    /// <summary>Both parts are reported when both are wrong.</summary>
    [Fact]
    public void Both_parts_are_reported_when_both_are_wrong()
    {
        var ex = Assert.Throws<CrmValidationException>(() => Money.Of(0.00001m, "x"));

        Assert.Equal(["Currency", "Amount"], ex.Errors.Select(e => e.Field));
    }

    /// <summary>Mixing currencies is a domain rule violation.</summary>
    [Fact]
    public void Mixing_currencies_is_a_domain_rule_violation()
    {
        Prop.ForAll(Amounts, Amounts, (a, b) =>
        {
            var eur = Eur(a);
            var usd = Money.Of(b, "USD");
            var sum = Assert.Throws<DomainRuleException>(() => eur + usd);
            var difference = Assert.Throws<DomainRuleException>(() => usd - eur);
            var comparison = Assert.Throws<DomainRuleException>(() => eur < usd);
            return sum.Rule == "currency-mismatch" && difference.Rule == "currency-mismatch" && comparison.Rule == "currency-mismatch";
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Addition is commutative.</summary>
    [Fact]
    public void Addition_is_commutative()
    {
        Prop.ForAll(Amounts, Amounts, (a, b) => Try(() => Eur(a) + Eur(b)) == Try(() => Eur(b) + Eur(a)))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Addition is associative within range.</summary>
    [Fact]
    public void Addition_is_associative_within_range()
    {
        Prop.ForAll(Amounts, Amounts, Amounts, (a, b, c) =>
        {
            var left = Try(() => Try(() => Eur(a) + Eur(b)) is { } ab ? ab + Eur(c) : throw Range());
            var right = Try(() => Try(() => Eur(b) + Eur(c)) is { } bc ? Eur(a) + bc : throw Range());
            return left is null || right is null || left == right;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Adding then subtracting the same amount gives the original.</summary>
    [Fact]
    public void Adding_then_subtracting_the_same_amount_gives_the_original()
    {
        Prop.ForAll(Amounts, Amounts, (a, b) =>
            Try(() => Eur(a) + Eur(b)) is not { } sum || sum - Eur(b) == Eur(a))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>A sum out of range is rejected not truncated.</summary>
    [Fact]
    public void A_sum_out_of_range_is_rejected_not_truncated()
    {
        var max = Eur(99_999_999_999_999m);

        var ex = Assert.Throws<CrmValidationException>(() => max + Eur(1m));

        Assert.Equal("amount-range", Assert.Single(ex.Errors).Rule);
    }

    /// <summary>Money formats with at least two decimals.</summary>
    [Fact]
    public void Money_formats_with_at_least_two_decimals()
    {
        Assert.Equal("12.50 EUR", Eur(12.5m).ToString());
        Assert.Equal("0.1234 EUR", Eur(0.1234m).ToString());
    }

    private static CrmValidationException Range() => new("Amount", "amount-range", "out of range");
}
