using System.Runtime.CompilerServices;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Deals.Events;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.StorageSchema;

/// <summary>
/// Freezes the bytes of stored documents. The files under <c>StorageSchema/Golden</c> were written by the build that
/// still had hand-written Instant and LocalDate converters; whatever serializes them now must write the same bytes
/// (instants with 0 to 9 fraction digits and a 'Z', dates from year 1 to 9999 and before year 1) and must read what
/// was written then. After an intended format change, copy the <c>.received.json</c> file written beside this test
/// over the golden file and review the diff.
/// </summary>
public sealed class StoredDocumentGoldenTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 3, 14, 9, 30);
    private static readonly CustomerId CustomerOf = new(Guid.Parse("0195946a-5c00-7000-8000-00000000c001"));
    private static readonly Guid InteractionIdOf = Guid.Parse("0195946a-5c00-7000-8000-0000000000a1");
    private static readonly Guid PipelineIdOf = Guid.Parse("0195946a-5c00-7000-8000-0000000000b1");
    private static readonly Guid DealIdOf = Guid.Parse("0195946a-5c00-7000-8000-0000000000d1");
    private static readonly Guid TicketIdOf = Guid.Parse("0195946a-5c00-7000-8000-0000000000e1");

    public static TheoryData<string> Documents() => new() { "customer", "interaction", "pipeline", "deal", "ticket", "outbox" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Today_s_writer_produces_the_golden_bytes(string name) =>
        AssertGolden(name, Write(name));

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_golden_document_reads_back_and_rewrites_to_the_same_bytes(string name)
    {
        var golden = ReadGolden(name);
        var rewritten = name switch
        {
            "customer" => RoundTrip(new CustomerMapping(), CustomerOf.Value, golden),
            "interaction" => RoundTrip(new InteractionMapping(), InteractionIdOf, golden),
            "pipeline" => RoundTrip(new PipelineMapping(), PipelineIdOf, golden),
            "deal" => RoundTrip(new DealMapping(), DealIdOf, golden),
            "ticket" => RoundTrip(TicketMapping.Instance, TicketIdOf, golden),
            _ => golden, // the outbox is written only; its events are read by hosts, not by the SDK.
        };

        Assert.Equal(golden, rewritten);
    }

    [Fact]
    public void Golden_instants_and_dates_read_as_the_values_that_wrote_them()
    {
        var customer = new CustomerMapping().Deserialize(new StoredDocument(CustomerOf.Value, 3, ReadGolden("customer")));
        var ticket = TicketMapping.Instance.Deserialize(new StoredDocument(TicketIdOf, 1, ReadGolden("ticket")));

        Assert.Equal(At + Duration.FromDays(5) + Duration.FromNanoseconds(7), customer.UpdatedAt);
        Assert.Equal(new LocalDate(1, 1, 1), Assert.IsType<DateFieldValue>(customer.CustomFields["first_day"]).Value);
        Assert.Equal(new LocalDate(9999, 12, 31), Assert.IsType<DateFieldValue>(customer.CustomFields["last_day"]).Value);
        Assert.Equal(new LocalDate(-44, 3, 15), Assert.IsType<DateFieldValue>(customer.CustomFields["ides"]).Value);
        Assert.Equal(At, ticket.CreatedAt);
        Assert.Equal(At + Duration.FromMilliseconds(100), ticket.Comments[0].CreatedAt);
    }

    private static string Write(string name)
    {
        var pipeline = GoldenPipeline();
        var ticket = GoldenTicket();

        // Stage and comment ids are generated (version 7, random bits): they are replaced, in order, by fixed ids.
        var generated = pipeline.Stages.Select(s => s.Id.Value).Concat(ticket.Comments.Select(c => c.Id)).ToArray();
        var body = name switch
        {
            "customer" => new CustomerMapping().Serialize(GoldenCustomer()),
            "interaction" => new InteractionMapping().Serialize(GoldenInteraction()),
            "pipeline" => new PipelineMapping().Serialize(pipeline),
            "deal" => new DealMapping().Serialize(GoldenDeal(pipeline)),
            "ticket" => TicketMapping.Instance.Serialize(ticket),
            "outbox" => string.Join('\n', GoldenOutbox()),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        for (var i = 0; i < generated.Length; i++)
        {
            body = body.Replace(generated[i].ToString(), $"0195946a-5c00-7000-8000-0000000001{i:x2}", StringComparison.Ordinal);
        }

        return body;
    }

    private static string RoundTrip<T>(IDocumentMapping<T> mapping, Guid id, string body)
        where T : class =>
        mapping.Serialize(mapping.Deserialize(new StoredDocument(id, 3, body)));

    private static Customer GoldenCustomer()
    {
        var policy = new CustomerPolicy(
            [
                new CustomFieldDefinition("first_day", "First day", CustomFieldType.Date),
                new CustomFieldDefinition("last_day", "Last day", CustomFieldType.Date),
                new CustomFieldDefinition("ides", "Ides of March", CustomFieldType.Date),
                new CustomFieldDefinition("credit_limit", "Credit limit", CustomFieldType.Number),
                new CustomFieldDefinition("nickname", "Nickname", CustomFieldType.Text),
            ],
            "44");
        var customer = Customer.Create(
            new CustomerDraft
            {
                Kind = CustomerKind.Person,
                DisplayName = "Ｄｒ. Ada Lovelace 李",
                GivenName = "Ada",
                FamilyName = "Lovelace",
                Emails = ["Ada@Example.com", new ContactDraft { Value = "ada@work.example", Label = "work" }],
                Phones = [new ContactDraft { Value = "020 7946 0958", Label = "home" }, "+86 138 0013 8000"],
                Addresses = [new PostalAddressDraft { Kind = AddressKind.Billing, Lines = ["1 Main St"], City = "Leeds", PostalCode = "LS1 1AA", Country = "GB" }],
                Tags = ["VIP", "newsletter"],
                CustomFields = new Dictionary<string, CustomFieldValue>
                {
                    ["first_day"] = CustomFieldValue.Date(new LocalDate(1, 1, 1)),
                    ["last_day"] = CustomFieldValue.Date(new LocalDate(9999, 12, 31)),
                    ["ides"] = CustomFieldValue.Date(new LocalDate(-44, 3, 15)),
                    ["credit_limit"] = CustomFieldValue.Number(1234.5600m),
                    ["nickname"] = CustomFieldValue.Text("A \"1st\" <b>"),
                },
                LifecycleStage = LifecycleStage.Customer,
                OwnerId = "rep-42",
                ExternalIds = new Dictionary<string, string> { ["ERP"] = "C-10023" },
            },
            CustomerOf,
            At,
            policy);
        customer.GrantConsent(ConsentChannel.Email, "web-form", At + Duration.FromTicks(1234567));
        customer.WithdrawConsent(ConsentChannel.Email, "unsubscribe-link", At + Duration.FromMilliseconds(500));
        customer.GrantConsent(ConsentChannel.Post, "call-centre", At + Duration.FromDays(1) + Duration.FromMilliseconds(120));
        customer.Touch(At + Duration.FromDays(5) + Duration.FromNanoseconds(7));
        customer.Version = 3;
        return customer;
    }

    private static Interaction GoldenInteraction() => Interaction.Record(
        new InteractionDraft
        {
            CustomerId = CustomerOf,
            Kind = InteractionKind.Purchase,
            Channel = InteractionChannel.Web,
            Direction = InteractionDirection.Inbound,
            OccurredAt = Instant.FromUtc(1, 1, 1, 0, 0),
            Subject = "Order SO-1001",
            Participants = [new Participant("Ada", "ada@example.com", "buyer")],
            Transaction = new TransactionDetail("SO-1001", Money.Of(49.9m, "EUR")),
        },
        new InteractionId(InteractionIdOf),
        At + Duration.FromNanoseconds(123_456_789));

    private static Pipeline GoldenPipeline()
    {
        var pipeline = Pipeline.Create(
            new PipelineDraft
            {
                Name = "Sales 销售",
                Stages =
                [
                    new PipelineStageDraft { Name = "Lead", Probability = 0.1m },
                    new PipelineStageDraft { Name = "Qualified", Probability = 0.3m },
                    new PipelineStageDraft { Name = "Proposal", Probability = 0.625m },
                    new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon },
                    new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost },
                ],
            },
            new PipelineId(PipelineIdOf),
            At);
        pipeline.Touch(At + Duration.FromSeconds(1));
        pipeline.Version = 2;
        return pipeline;
    }

    private static Deal GoldenDeal(Pipeline pipeline)
    {
        var deal = Deal.Create(
            new DealDraft { CustomerId = CustomerOf, PipelineId = pipeline.Id, Name = "ACME roll-out", Amount = Money.Of(12_500.25m, "JPY"), ExpectedCloseDate = new LocalDate(2025, 12, 31), OwnerId = "rep-9" },
            pipeline,
            new DealId(DealIdOf),
            At);
        deal.MoveTo(pipeline, pipeline.Stages[2].Id, At + Duration.FromTicks(1));
        deal.Lose(pipeline, "Budget cut – «Q3»", At + Duration.FromMinutes(90));
        deal.Reopen(pipeline, null, At + Duration.FromDays(400) + Duration.FromMilliseconds(10));
        deal.Touch(At + Duration.FromDays(400) + Duration.FromMilliseconds(10));
        deal.Version = 5;
        return deal;
    }

    private static Ticket GoldenTicket()
    {
        var ticket = Ticket.Open(
            new TicketDraft { CustomerId = CustomerOf, Type = TicketType.Complaint, Subject = "Ärger mit \"Lieferung\" 📦", Description = "Line 1\nLine 2", Priority = TicketPriority.High },
            new TicketId(TicketIdOf),
            At);
        ticket.Assign("agent-7");
        ticket.AddComment("agent-7", "Internal: call the carrier", isInternal: true, At + Duration.FromMilliseconds(100));
        ticket.AddCustomerComment("Thanks", At + Duration.FromTicks(10));
        ticket.Resolve(At + Duration.FromMinutes(30));
        ticket.Rate(4, "Good in the end", At + Duration.FromMinutes(33) + Duration.FromNanoseconds(10));
        ticket.Close(At + Duration.FromMinutes(34));
        return ticket;
    }

    private static IEnumerable<string> GoldenOutbox()
    {
        var deal = new DealId(DealIdOf);
        yield return DomainEventMapping.ToWrite(new DealExpectedCloseDateChanged(deal, new LocalDate(2026, 2, 28)), "Deal", deal.Value, At).Body!;
        yield return DomainEventMapping.ToWrite(new DealExpectedCloseDateChanged(deal, null), "Deal", deal.Value, At + Duration.FromNanoseconds(1)).Body!;
        yield return DomainEventMapping.ToWrite(new DealExpectedCloseDateChanged(deal, new LocalDate(9999, 12, 31)), "Deal", deal.Value, Instant.FromUtc(9999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_999)).Body!;
    }

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "StorageSchema", "Golden", name + ".json");

    private static string ReadGolden(string name) => File.ReadAllText(GoldenPath(name), Encoding.UTF8).TrimEnd('\n');

    private static void AssertGolden(string name, string actual)
    {
        var path = GoldenPath(name);
        var golden = File.Exists(path) ? ReadGolden(name) : null;
        if (!string.Equals(golden, actual, StringComparison.Ordinal))
        {
            var received = Path.Combine(SourceDirectory(), "Golden", name + ".received.json");
            File.WriteAllText(received, actual + "\n", new UTF8Encoding(false));
            Assert.Fail($"The stored bytes of '{name}' changed. Review {received} and, only if the format change is intended, copy it over {name}.json.");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
