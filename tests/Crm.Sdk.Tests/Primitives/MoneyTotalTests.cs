using Xunit;

namespace Crm.Sdk.Tests.Primitives;

/// <summary>Totals of money: sums with decimal's range, apart from the range of one stored amount.</summary>
public sealed class MoneyTotalTests
{
    [Fact]
    public void A_total_holds_sums_beyond_the_range_of_one_amount()
    {
        var largest = Money.Of(Money.MaxAbsoluteAmount - 0.0001m, "GBP");

        var total = new MoneyTotal(largest.Amount * 10, "gbp");

        Assert.Equal(999_999_999_999_999.999m, total.Amount);
        Assert.Equal("GBP", total.Currency);
        Assert.Equal("999999999999999.999 GBP", total.ToString());
        Assert.Equal(decimal.MaxValue, new MoneyTotal(decimal.MaxValue, "EUR").Amount);
        Assert.Throws<CrmValidationException>(() => Money.Of(total.Amount, total.Currency));
    }

    [Fact]
    public void Totals_are_equal_by_value_and_currency()
    {
        Assert.Equal(new MoneyTotal(1.5m, "EUR"), new MoneyTotal(1.5000m, "eur"));
        Assert.Equal(new MoneyTotal(1.5m, "EUR").GetHashCode(), new MoneyTotal(1.5000m, "EUR").GetHashCode());
        Assert.NotEqual(new MoneyTotal(1.5m, "EUR"), new MoneyTotal(1.5m, "USD"));
        Assert.Equal("120000000000000.00 GBP", new MoneyTotal(120_000_000_000_000m, "GBP").ToString());
        Assert.Equal("-0.0001 USD", new MoneyTotal(-0.0001m, "USD").ToString());
    }

    [Fact]
    public void The_currency_must_be_three_letters()
    {
        foreach (var bad in new[] { "", "EU", "EURO", "E1R", "€€€" })
        {
            var ex = Assert.Throws<CrmValidationException>(() => new MoneyTotal(1m, bad));
            Assert.Equal(("Currency", "currency-iso4217"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        }
    }
}
