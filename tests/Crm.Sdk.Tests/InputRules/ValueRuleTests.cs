using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Tests.Pipelines;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.InputRules;

/// <summary>The value rules of issue 10: real top-level domains, the real ISO 4217 list, every ISO date.</summary>
public sealed class ValueRuleTests
{
    [Theory]
    [InlineData("ada@example.c")]
    [InlineData("ada@example.123")]
    [InlineData("ada@example.c0m")]
    [InlineData("ada@example.xn--")]
    [InlineData("ada@localhost")]
    public void An_email_without_a_real_top_level_domain_is_refused(string address)
    {
        var exception = Assert.Throws<CrmValidationException>(() => EmailAddress.Parse(address));

        Assert.Equal([("Email", "email-format")], exception.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Theory]
    [InlineData("ada@example.co")]
    [InlineData("ada@mail.example.co.uk")]
    [InlineData("ada@例子.中国")]
    [InlineData("ada@example.xn--fiqs8s")]
    [InlineData("ada@EXAMPLE.MUSEUM")]
    public void An_email_with_a_real_looking_top_level_domain_is_accepted(string address) =>
        Assert.Equal(address, EmailAddress.Parse(address).Value);

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("XXX")]
    [InlineData("ABC")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("€€€")]
    [InlineData("")]
    public void A_currency_not_in_ISO_4217_is_refused(string currency)
    {
        var exception = Assert.Throws<CrmValidationException>(() => Money.Of(1m, currency));

        Assert.Equal([("Currency", "currency-iso4217")], exception.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("cny")]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("XAU")]
    [InlineData("CLF")]
    [InlineData("HRK")]
    [InlineData("XCG")]
    public void A_currency_of_ISO_4217_is_accepted_and_upper_cased(string currency) =>
        Assert.Equal(currency.ToUpperInvariant(), Money.Of(1m, currency).Currency);

    [Fact]
    public void Every_ISO_date_is_a_valid_expected_close_date_including_those_before_year_one()
    {
        var pipeline = Samples.SalesPipeline();
        foreach (var date in new[] { LocalDate.MinIsoValue, new LocalDate(0, 12, 31), new LocalDate(1, 1, 1), LocalDate.MaxIsoValue })
        {
            var deal = Deal.Create(Samples.DealDraft(pipeline) with { ExpectedCloseDate = date }, pipeline, DealId.New(Samples.T0), Samples.T0);

            Assert.Equal(date, deal.ExpectedCloseDate);
        }
    }

    [Fact]
    public void A_date_of_another_calendar_is_refused_rather_than_converted()
    {
        var pipeline = Samples.SalesPipeline();
        var hebrew = new LocalDate(5785, 1, 1, CalendarSystem.HebrewCivil);

        var exception = Assert.Throws<CrmValidationException>(() => Deal.Create(Samples.DealDraft(pipeline) with { ExpectedCloseDate = hebrew }, pipeline, DealId.New(Samples.T0), Samples.T0));

        Assert.Equal([("ExpectedCloseDate", "iso-calendar")], exception.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Date_index_values_count_days_from_year_one_and_keep_their_order_before_it()
    {
        Assert.Equal(0, IndexConversions.ToIndex(new LocalDate(1, 1, 1)));
        Assert.Equal(-1, IndexConversions.ToIndex(new LocalDate(0, 12, 31)));
        Assert.Equal(-366, IndexConversions.ToIndex(new LocalDate(0, 1, 1)));
        Assert.Equal(DateOnly.MaxValue.DayNumber, IndexConversions.ToIndex(LocalDate.MaxIsoValue));
        var dates = new[] { LocalDate.MinIsoValue, new LocalDate(-44, 3, 15), new LocalDate(0, 2, 29), new LocalDate(0, 12, 31), new LocalDate(1, 1, 1), new LocalDate(2026, 12, 2) };
        Assert.Equal(dates.Select(IndexConversions.ToIndex).Order(), dates.Select(IndexConversions.ToIndex));
    }
}
