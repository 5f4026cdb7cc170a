using System.Text;
using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Crm.Sdk.Privacy;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The subject access export on the real database: the document parses, follows the schema of
/// docs/articles/subject-access-export.md, holds every record of the customer (decrypted) and nothing of another customer,
/// and an erased customer exports what remains.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class SubjectExportConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>The seeded customer's name, looked for in the document.</summary>
    protected const string SubjectName = "Zhao Minghua";

    /// <summary>The seeded customer's email.</summary>
    protected const string SubjectEmail = "zhao.minghua@example.cn";

    private const string OtherName = "Ottoline Other";
    private const string OtherEmail = "ottoline@example.org";

    /// <summary>Every record of the customer is in the document, decrypted, and nothing of the other customer.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_holds_every_record_of_the_customer_and_none_of_another()
    {
        var (subject, records) = await SeedAsync(Crm);
        var progress = new List<SubjectExportProgress>();

        var (document, text, result) = await ExportAsync(Crm, subject.Id, new SynchronousProgress<SubjectExportProgress>(progress.Add));

        using (document)
        {
            var root = document.RootElement;
            SubjectExportSchema.Check(root);
            Assert.Equal(subject.Id.Value, root.GetProperty("customerId").GetGuid());
            Assert.False(root.GetProperty("erased").GetBoolean());
            var profile = root.GetProperty("profile");
            Assert.Equal(SubjectName, profile.GetProperty("displayName").GetString());
            Assert.Equal(SubjectEmail, profile.GetProperty("emails")[0].GetProperty("address").GetString());
            Assert.Equal("+447700900123", profile.GetProperty("phones")[0].GetProperty("e164").GetString());
            Assert.Equal("gold", profile.GetProperty("customFields").GetProperty("tier").GetProperty("value").GetString());
            Assert.Equal(2, root.GetProperty("consents").GetProperty("history").GetArrayLength());
            Assert.Equal("withdrawn", root.GetProperty("consents").GetProperty("current")[0].GetProperty("status").GetString());

            Assert.Equal(records.Interactions.Order(), Ids(root, "interactions").Order());
            Assert.Equal(records.Deals.Order(), Ids(root, "deals").Order());
            Assert.Equal(records.Tickets.Order(), Ids(root, "tickets").Order());
            Assert.Contains(root.GetProperty("interactions").EnumerateArray(), i => i.GetProperty("body").GetString() == "Dear Minghua, your order shipped.");
            Assert.Contains(root.GetProperty("interactions").EnumerateArray(), i => i.TryGetProperty("transaction", out var t) && t.ValueKind == JsonValueKind.Object && t.GetProperty("amount").GetDecimal() == 100m);
            var deal = root.GetProperty("deals")[0];
            Assert.Equal(["Qualification", "Proposal"], deal.GetProperty("stageHistory").EnumerateArray().Select(s => s.GetProperty("stageName").GetString()));
            var ticket = root.GetProperty("tickets")[0];
            Assert.Equal("The parcel is late.", ticket.GetProperty("comments")[0].GetProperty("body").GetString());
            Assert.Equal(
                (records.Interactions.Count, records.Deals.Count, records.Tickets.Count),
                (root.GetProperty("counts").GetProperty("interactions").GetInt64(), root.GetProperty("counts").GetProperty("deals").GetInt64(), root.GetProperty("counts").GetProperty("tickets").GetInt64()));
        }

        Assert.DoesNotContain(OtherName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherEmail, text, StringComparison.Ordinal);
        foreach (var id in records.OtherIds)
        {
            Assert.DoesNotContain(id.ToString(), text, StringComparison.Ordinal);
        }

        Assert.Equal((records.Interactions.Count, records.Deals.Count, records.Tickets.Count, false), (result.Interactions, result.Deals, result.Tickets, result.IsErased));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), result.Bytes);
        Assert.Equal(SubjectExportSection.Profile, progress[0].Section);
        Assert.Equal(1 + records.Interactions.Count + records.Deals.Count + records.Tickets.Count + result.AuditEntries, progress[^1].RecordsWritten);
    }

    /// <summary>An erased customer exports what remains: marked erased, its kinds, amounts and dates, and no personal data.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erased_customer_exports_what_remains_without_personal_data()
    {
        var (subject, records) = await SeedAsync(Crm);
        await Crm.Customers.EraseAsync(subject.Id);

        var (document, text, result) = await ExportAsync(Crm, subject.Id);

        using (document)
        {
            var root = document.RootElement;
            SubjectExportSchema.Check(root);
            Assert.True(root.GetProperty("erased").GetBoolean());
            Assert.True(root.GetProperty("profile").GetProperty("erased").GetBoolean());
            Assert.Equal(records.Interactions.Order(), Ids(root, "interactions").Order());
            Assert.All(root.GetProperty("interactions").EnumerateArray(), i => Assert.True(i.GetProperty("erased").GetBoolean()));
            Assert.Contains(root.GetProperty("interactions").EnumerateArray(), i => i.GetProperty("kind").GetString() == "purchase");
        }

        Assert.True(result.IsErased);
        Assert.DoesNotContain(SubjectName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SubjectEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Minghua", text, StringComparison.Ordinal);
        Assert.DoesNotContain("parcel", text, StringComparison.Ordinal);
    }

    /// <summary>An unknown customer is not found, and nothing is written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unknown_customer_is_not_found_and_nothing_is_written()
    {
        await SeedAsync(Crm);
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.ExportAsync(new Id<Customer>(Guid.CreateVersion7()), stream));

        Assert.Equal(0, stream.Length);
    }

    /// <summary>A cancelled export stops with <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Cancelled_export_stops()
    {
        var (subject, _) = await SeedAsync(Crm);
        using var stream = new MemoryStream();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Crm.Customers.ExportAsync(subject.Id, stream, cancellationToken: cancellation.Token));
    }

    /// <summary>Exports a customer to memory and parses the document.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="id">The customer.</param>
    /// <param name="progress">Progress, or null.</param>
    /// <returns>The parsed document, its text and the result.</returns>
    protected static async Task<(JsonDocument Document, string Text, SubjectExportResult Result)> ExportAsync(ICrm crm, Id<Customer> id, IProgress<SubjectExportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(crm);
        using var stream = new MemoryStream();
        var result = await crm.Customers.ExportAsync(id, stream, progress);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        return (JsonDocument.Parse(text), text, result);
    }

    /// <summary>Seeds the subject (profile, consents, five interactions, a deal moved one stage, a ticket with a comment) and another customer with records of its own.</summary>
    /// <param name="crm">The CRM.</param>
    /// <returns>The subject and the ids of what was seeded.</returns>
    protected async Task<(Customer Subject, SeededRecords Records)> SeedAsync(ICrm crm)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var at = Instant.FromUtc(2025, 1, 2, 3, 4);
        var subject = await crm.Customers.CreateAsync(TestDrafts.Customer(SubjectName) with
        {
            GivenName = "Minghua",
            FamilyName = "Zhao",
            Emails = [SubjectEmail],
            Phones = ["+44 7700 900123"],
            OwnerId = "u-1",
            Tags = ["vip"],
            CustomFields = new Dictionary<string, CustomFieldValue> { ["tier"] = new ChoiceFieldValue("gold"), ["credit_limit"] = new NumberFieldValue(2500.50m) },
            ExternalIds = new Dictionary<string, string> { ["erp"] = "C-1001" },
            Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, at, "web"), new ConsentRecord(ConsentChannel.Email, ConsentStatus.Withdrawn, at.Plus(Duration.FromDays(3)), "email-link")],
        });
        var other = await crm.Customers.CreateAsync(TestDrafts.Customer(OtherName) with { Emails = [OtherEmail], OwnerId = "u-2" });
        var pipeline = await crm.Pipelines.CreateAsync(TestDrafts.Pipeline());

        var interactions = new List<Guid>();
        foreach (var (kind, minute) in new[] { (InteractionKind.Email, 1), (InteractionKind.Call, 2), (InteractionKind.Purchase, 3), (InteractionKind.Feedback, 4), (InteractionKind.Note, 5) })
        {
            var draft = TestDrafts.Interaction(subject.Id, kind, at.Plus(Duration.FromMinutes(minute)));
            if (kind == InteractionKind.Email)
            {
                draft = draft with { Body = "Dear Minghua, your order shipped." };
            }

            interactions.Add((await crm.Interactions.CreateAsync(draft)).Id.Value);
        }

        var deal = await crm.Deals.CreateAsync(TestDrafts.Deal(subject.Id, pipeline) with { OwnerId = "u-1" });
        deal = await crm.Deals.MoveToStageAsync(deal.Id, pipeline.Stages[1].Id);
        var ticket = await crm.Tickets.CreateAsync(TestDrafts.Ticket(subject.Id, TicketPriority.High, "Where is my parcel?") with { AssigneeId = "u-1" });
        await crm.Tickets.AddCommentAsync(ticket.Id, "u-1", "The parcel is late.");

        var otherIds = new List<Guid> { other.Id.Value };
        otherIds.Add((await crm.Interactions.CreateAsync(TestDrafts.Interaction(other.Id, InteractionKind.Email, at))).Id.Value);
        otherIds.Add((await crm.Deals.CreateAsync(TestDrafts.Deal(other.Id, pipeline) with { OwnerId = "u-2" })).Id.Value);
        otherIds.Add((await crm.Tickets.CreateAsync(TestDrafts.Ticket(other.Id) with { AssigneeId = "u-2" })).Id.Value);
        return (subject, new SeededRecords(interactions, [deal.Id.Value], [ticket.Id.Value], otherIds));
    }

    private static List<Guid> Ids(JsonElement root, string section) =>
        root.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

    /// <summary>What <see cref="SeedAsync"/> created.</summary>
    /// <param name="Interactions">The subject's interactions.</param>
    /// <param name="Deals">The subject's deals.</param>
    /// <param name="Tickets">The subject's tickets.</param>
    /// <param name="OtherIds">The other customer's id and its records' ids.</param>
    protected sealed record SeededRecords(IReadOnlyList<Guid> Interactions, IReadOnlyList<Guid> Deals, IReadOnlyList<Guid> Tickets, IReadOnlyList<Guid> OtherIds);

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, which a test cannot wait for).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="report">What to do with each value.</param>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
