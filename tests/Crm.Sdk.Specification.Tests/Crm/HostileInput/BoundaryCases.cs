using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Boundary dates (before year 1, year 0, the ISO extremes, another calendar), instants (the extremes of
/// <see cref="Instant"/>, year 1, year 9999 to the nanosecond), amounts (±(10^14 − 0.0001) accepted, 10^14 and five decimals refused) and
/// currency codes, fed to every input that stores one; and totals of many maximal amounts, which must stay readable.
/// </summary>
internal static class BoundaryCases
{
    /// <summary>The category.</summary>
    public const string Category = "dates and amounts";

    /// <summary>The largest valid amount.</summary>
    public const decimal Max = 99_999_999_999_999.9999m;

    /// <summary>Dates: every ISO date is kept, before year 1 too; another calendar is refused (rule <c>iso-calendar</c>), never converted.</summary>
    private static readonly (string Label, LocalDate Date, bool Valid)[] Dates =
    [
        ("LocalDate.MinIsoValue (year -9998)", LocalDate.MinIsoValue, true),
        ("year 0 (0000-12-31)", new LocalDate(0, 12, 31), true),
        ("year -1", new LocalDate(-1, 6, 15), true),
        ("0001-01-01", new LocalDate(1, 1, 1), true),
        ("9999-12-31 (LocalDate.MaxIsoValue)", LocalDate.MaxIsoValue, true),
        ("a leap day", new LocalDate(2024, 2, 29), true),
    ];

    private static readonly (string Label, Instant Instant)[] Instants =
    [
        ("Instant.MinValue", Instant.MinValue),
        ("Instant.MaxValue", Instant.MaxValue),
        ("0001-01-01T00:00Z", Instant.FromUtc(1, 1, 1, 0, 0)),
        ("9999-12-31T23:59:59.999999999Z", Instant.FromUtc(9999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_999)),
        ("one nanosecond before the Unix epoch", Instant.FromUnixTimeTicks(0) - Duration.Epsilon),
    ];

    /// <summary>Amounts: the value, and whether a deal (non-negative) and a purchase (positive) accept it, else the rule.</summary>
    private static readonly (string Label, decimal Amount, string? DealRule, string? PurchaseRule)[] Amounts =
    [
        ("the largest amount 10^14 − 0.0001", Max, null, null),
        ("minus the largest amount", -Max, "amount-not-negative", "amount-positive"),
        ("10^14", 100_000_000_000_000m, "amount-range", "amount-range"),
        ("−10^14", -100_000_000_000_000m, "amount-range", "amount-range"),
        ("decimal.MaxValue", decimal.MaxValue, "amount-range", "amount-range"),
        ("decimal.MinValue", decimal.MinValue, "amount-range", "amount-range"),
        ("five decimals", 0.12345m, "amount-precision", "amount-precision"),
        ("five decimals at the top of the range", 99_999_999_999_999.99999m, "amount-precision", "amount-precision"),
        ("28 decimals", 0.0000000000000000000000000001m, "amount-precision", "amount-precision"),
        ("five decimal places that are zeros (1.00000)", 1.00000m, null, null),
        ("zero", 0m, null, "amount-positive"),
        ("the smallest unit", 0.0001m, null, null),
        ("minus the smallest unit", -0.0001m, "amount-not-negative", "amount-positive"),
    ];

    /// <summary>Currency codes: the code, and the code stored when it is accepted (null: refused with currency-iso4217).</summary>
    private static readonly (string Label, string Code, string? Stored)[] Currencies =
    [
        ("ZZZ (three letters, not ISO 4217)", "ZZZ", null),
        ("XYZ (not ISO 4217)", "XYZ", null),
        ("eur (lower case)", "eur", "EUR"),
        ("EU (two letters)", "EU", null),
        ("€€€", "€€€", null),
        ("empty", string.Empty, null),
        ("EURO (four letters)", "EURO", null),
        ("E1R (a digit)", "E1R", null),
        ("full-width ＥＵＲ", "ＥＵＲ", null),
        ("CNY", "CNY", "CNY"),
        ("JPY", "JPY", "JPY"),
    ];

    /// <summary>The cases.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<CorpusCase> Cases(CorpusWorld w)
    {
        var crm = w.Crm;

        // Dates, wherever the SDK stores one.
        foreach (var (label, date, valid) in Dates.Append(("2025-01-01 in the Julian calendar", new LocalDate(2025, 1, 1, CalendarSystem.Julian), false)))
        {
            Expect Outcome(string field, Expect accepted) => valid ? accepted : Expect.Invalid(field, "iso-calendar");
            Task<string?> Same(LocalDate? stored) => Task.FromResult(stored == date ? null : $"stored {stored} instead of {date}");

            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Deals.CreateAsync(ExpectedCloseDate) ← {label}",
                Expect = Outcome("ExpectedCloseDate", Expect.Accepted()),
                Act = CorpusCase.Call(() => crm.Deals.CreateAsync(w.DealDraft(w.A.Id) with { ExpectedCloseDate = date })),
                Verify = async r => await Same((await crm.Deals.GetAsync(((Deal)r!).Id)).ExpectedCloseDate),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"ICrmUnitOfWork.CreateDealAsync(ExpectedCloseDate) ← {label}",
                Expect = Outcome("ExpectedCloseDate", Expect.Accepted()),
                Act = async () =>
                {
                    var uow = crm.BeginUnitOfWork();
                    var deal = await uow.CreateDealAsync(w.DealDraft(w.A.Id) with { ExpectedCloseDate = date });
                    await uow.CommitAsync();
                    return deal;
                },
                Verify = async r => await Same((await crm.Deals.GetAsync(((Deal)r!).Id)).ExpectedCloseDate),
            };
            Deal? deal = null;
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Deal.ChangeExpectedCloseDate + Deals.UpdateAsync ← {label}",
                Expect = Outcome("ExpectedCloseDate", Expect.AcceptedAnyEffect()),
                Arrange = async () => deal = await crm.Deals.GetAsync(w.DealA.Id),
                Act = CorpusCase.Call(async () =>
                {
                    deal!.ChangeExpectedCloseDate(date);
                    await crm.Deals.UpdateAsync(deal);
                }),
                Verify = async _ => await Same((await crm.Deals.GetAsync(w.DealA.Id)).ExpectedCloseDate),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Customer.CustomFields[birthday] (date) ← {label}",
                Expect = Outcome("birthday", Expect.Accepted()),
                Act = CorpusCase.Call(() => crm.Customers.CreateAsync(w.PersonDraft() with
                {
                    CustomFields = new Dictionary<string, CustomFieldValue> { ["birthday"] = CustomFieldValue.Date(date) },
                })),
                Verify = async r => await Same(((await crm.Customers.GetAsync(((Customer)r!).Id)).CustomFields.GetValueOrDefault("birthday") as DateFieldValue)?.Value),
            };
        }

        // Instants: the contract names no rule; an accepted instant must read back exactly, a refused one names the field.
        foreach (var (label, instant) in Instants)
        {
            Task<string?> Same(Instant? stored) => Task.FromResult(stored == instant ? null : $"stored {stored} instead of {instant}");
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Interactions.CreateAsync(OccurredAt) ← {label}",
                Expect = Expect.Accepted() | Expect.InvalidAnyRule("OccurredAt"),
                Act = CorpusCase.Call(() => crm.Interactions.CreateAsync(InteractionDraft.Note(w.A.Id, "At the edge of time", occurredAt: instant))),
                Verify = async r => await Same((await crm.Interactions.GetAsync(((Interaction)r!).Id)).OccurredAt),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Interactions.CreateManyAsync(OccurredAt) ← {label}",
                Expect = Expect.Accepted() | Expect.InvalidAnyRule("OccurredAt"),
                Act = CorpusCase.Call(() => crm.Interactions.CreateManyAsync([InteractionDraft.Note(w.A.Id, "Before"), InteractionDraft.Note(w.A.Id, "At the edge of time", occurredAt: instant)])),
                Verify = async r => await Same((await crm.Interactions.GetAsync(((IReadOnlyList<Interaction>)r!)[1].Id)).OccurredAt),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Customer.Consents[0].At ← {label}",
                Expect = Expect.Accepted() | Expect.InvalidAnyRule("Consents"),
                Act = CorpusCase.Call(() => crm.Customers.CreateAsync(w.PersonDraft() with
                {
                    Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, instant, "web-form")],
                })),
                Verify = async r => await Same((await crm.Customers.GetAsync(((Customer)r!).Id)).ConsentHistory.Select(c => (Instant?)c.At).FirstOrDefault()),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Interactions.ListAsync(From) ← {label}",
                Expect = Expect.AcceptedWithoutWrite() | Expect.InvalidAnyRule("From"),
                Act = CorpusCase.Call(() => crm.Interactions.ListAsync(InteractionFilter.ForCustomer(w.A.Id) with { From = instant }, PageRequest.First)),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Interactions.StreamAsync(To) ← {label}",
                Expect = Expect.AcceptedWithoutWrite() | Expect.InvalidAnyRule("To"),
                Act = CorpusCase.Stream(() => crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(w.A.Id) with { To = instant })),
            };
        }

        yield return new CorpusCase
        {
            Category = Category,
            Name = "Interactions.ListAsync(From = Instant.MaxValue, To = Instant.MinValue)",
            Expect = Expect.Invalid("To", "range-order"),
            Act = CorpusCase.Call(() => crm.Interactions.ListAsync(InteractionFilter.ForCustomer(w.A.Id) with { From = Instant.MaxValue, To = Instant.MinValue }, PageRequest.First)),
        };

        // Amounts and currencies, wherever the SDK stores money.
        var money = Amounts.Select(a => (Label: a.Label, Amount: a.Amount, Currency: "EUR", Stored: (string?)"EUR", a.DealRule, a.PurchaseRule, Default: false))
            .Concat(Currencies.Select(c => (Label: $"currency {c.Label}", Amount: 250m, Currency: c.Code, c.Stored, DealRule: c.Stored is null ? "currency-iso4217" : null, PurchaseRule: c.Stored is null ? "currency-iso4217" : null, Default: false)))
            .Append((Label: "default(Money)", Amount: 0m, Currency: string.Empty, Stored: null, DealRule: "currency-iso4217", PurchaseRule: "currency-iso4217", Default: true));
        foreach (var (label, amount, currency, stored, dealRule, purchaseRule, isDefault) in money)
        {
            Money Make() => isDefault ? default : Money.Of(amount, currency);
            string[] fields = ["Amount", "Currency"];
            Expect Outcome(string? rule, Expect accepted) =>
                rule is null ? accepted : isDefault ? Expect.Invalid(fields, rule, "required") : Expect.Invalid(fields, rule);
            Task<string?> Same(Money? actual) => Task.FromResult(
                actual is { } m && m.Amount == amount && m.Currency == stored ? null : $"stored {actual} instead of {amount.ToString(CultureInfo.InvariantCulture)} {stored}");

            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Deals.CreateAsync(Amount) ← {label}",
                Expect = Outcome(dealRule, Expect.Accepted()),
                Act = CorpusCase.Call(() => crm.Deals.CreateAsync(w.DealDraft(w.A.Id) with { Amount = Make() })),
                Verify = async r => await Same((await crm.Deals.GetAsync(((Deal)r!).Id)).Amount),
            };
            Deal? deal = null;
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Deal.ChangeAmount + Deals.UpdateAsync ← {label}",
                Expect = Outcome(dealRule, Expect.AcceptedAnyEffect()),
                Arrange = async () => deal = await crm.Deals.GetAsync(w.DealA.Id),
                Act = CorpusCase.Call(async () =>
                {
                    deal!.ChangeAmount(Make());
                    await crm.Deals.UpdateAsync(deal);
                }),
                Verify = async _ => await Same((await crm.Deals.GetAsync(w.DealA.Id)).Amount),
            };
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Interactions.CreateAsync(Purchase amount) ← {label}",
                Expect = Outcome(purchaseRule, Expect.Accepted()),
                Act = CorpusCase.Call(() => crm.Interactions.CreateAsync(InteractionDraft.Purchase(w.A.Id, $"O-{w.Unique()}", Make()))),
                Verify = async r => await Same((await crm.Interactions.GetAsync(((Interaction)r!).Id)).Transaction?.Amount),
            };
        }

        // A custom number field: the contract names no range; an accepted number must read back exactly.
        foreach (var (label, number) in new[] { ("decimal.MaxValue", decimal.MaxValue), ("decimal.MinValue", decimal.MinValue), ("28 decimals", 0.0000000000000000000000000001m), ("-0.0", -0.0m) })
        {
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Customer.CustomFields[credit_limit] (number) ← {label}",
                Expect = Expect.Accepted() | Expect.InvalidAnyRule("credit_limit"),
                Act = CorpusCase.Call(() => crm.Customers.CreateAsync(w.PersonDraft() with
                {
                    CustomFields = new Dictionary<string, CustomFieldValue> { ["credit_limit"] = CustomFieldValue.Number(number) },
                })),
                Verify = async r =>
                {
                    var stored = ((await crm.Customers.GetAsync(((Customer)r!).Id)).CustomFields.GetValueOrDefault("credit_limit") as NumberFieldValue)?.Value;
                    return stored == number ? null : $"stored {stored} instead of {number.ToString(CultureInfo.InvariantCulture)}";
                },
            };
        }

        foreach (var corpusCase in TotalsCases(w))
        {
            yield return corpusCase;
        }
    }

    /// <summary>Sums of many maximal amounts: the customer 360° view and the pipeline summary must read them, exactly.</summary>
    private static IEnumerable<CorpusCase> TotalsCases(CorpusWorld w)
    {
        var crm = w.Crm;
        foreach (var count in new[] { 2, 12 })
        {
            Customer? customer = null;
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Customers.GetSummaryAsync over {count} purchases, {count} refunds and {count} open deals of 10^14 − 0.0001 EUR each",
                Expect = Expect.AcceptedWithoutWrite(),
                Arrange = async () =>
                {
                    customer = await w.NewCustomerAsync();
                    var drafts = Enumerable.Range(0, count).SelectMany(i => new[]
                    {
                        InteractionDraft.Purchase(customer.Id, $"P-{i}", Money.Of(Max, "EUR")),
                        InteractionDraft.Refund(customer.Id, $"R-{i}", Money.Of(Max, "EUR")),
                    }).ToArray();
                    await crm.Interactions.CreateManyAsync(drafts);
                    for (var i = 0; i < count; i++)
                    {
                        await crm.Deals.CreateAsync(w.DealDraft(customer.Id) with { Amount = Money.Of(Max, "EUR") });
                    }
                },
                Act = async () => await crm.Customers.GetSummaryAsync(customer!.Id),
                Verify = r =>
                {
                    var view = (Customer360)r!;
                    var expected = count * Max;
                    var problems = new[]
                    {
                        ("purchases", view.TotalPurchases),
                        ("refunds", view.TotalRefunds),
                        ("open deals", view.OpenDealAmount),
                    }
                        .Where(t => t.Item2.Count != 1 || t.Item2[0].Amount != expected || t.Item2[0].Currency != "EUR")
                        .Select(t => $"{t.Item1} total {string.Join(", ", t.Item2)} instead of {expected.ToString(CultureInfo.InvariantCulture)} EUR");
                    var text = string.Join("; ", problems);
                    return Task.FromResult<string?>(text.Length == 0 ? null : text);
                },
            };

            Pipeline? pipeline = null;
            yield return new CorpusCase
            {
                Category = Category,
                Name = $"Pipelines.GetSummaryAsync over {count} deals of 10^14 − 0.0001 EUR and {count} of 10^14 − 0.0001 CNY in each open stage",
                Expect = Expect.AcceptedWithoutWrite(),
                Arrange = async () =>
                {
                    pipeline = await crm.Pipelines.CreateAsync(CorpusWorld.PipelineDraft($"Totals {w.Unique()}"));
                    foreach (var stage in pipeline.Stages.Where(s => s.Outcome == StageOutcome.Open))
                    {
                        for (var i = 0; i < count; i++)
                        {
                            foreach (var currency in new[] { "EUR", "CNY" })
                            {
                                await crm.Deals.CreateAsync(new DealDraft
                                {
                                    CustomerId = w.A.Id, PipelineId = pipeline.Id, Name = $"Big {i}", Amount = Money.Of(Max, currency), InitialStageId = stage.Id,
                                });
                            }
                        }
                    }
                },
                Act = async () => await crm.Pipelines.GetSummaryAsync(pipeline!.Id),
                Verify = r =>
                {
                    var summary = (PipelineSummary)r!;
                    var problems = new List<string>();
                    foreach (var stage in summary.Stages.Where(s => s.Stage.Outcome == StageOutcome.Open))
                    {
                        var expected = count * Max;
                        if (stage.DealCount != 2 * count || stage.Amount.Count != 2 || stage.Amount.Any(m => m.Amount != expected))
                        {
                            problems.Add($"stage {stage.Stage.Name}: {stage.DealCount} deals, {string.Join(", ", stage.Amount)} instead of {expected.ToString(CultureInfo.InvariantCulture)} in each currency");
                        }

                        if (stage.WeightedAmount.Any(m => m.Amount != decimal.Round(expected * stage.Stage.Probability, Money.MaxDecimalPlaces)))
                        {
                            problems.Add($"stage {stage.Stage.Name}: weighted {string.Join(", ", stage.WeightedAmount)}");
                        }
                    }

                    var forecast = count * Max * 0.2m + count * Max * 0.5m;
                    if (summary.OpenWeightedAmount.Count != 2 || summary.OpenWeightedAmount.Any(m => m.Amount != decimal.Round(forecast, Money.MaxDecimalPlaces)))
                    {
                        problems.Add($"forecast {string.Join(", ", summary.OpenWeightedAmount)} instead of {forecast.ToString(CultureInfo.InvariantCulture)} in each currency");
                    }

                    return Task.FromResult<string?>(problems.Count == 0 ? null : string.Join("; ", problems));
                },
            };
        }
    }
}
