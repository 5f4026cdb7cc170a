using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tests.Customers;
using Crm.Sdk.Tests.Interactions;
using Crm.Sdk.Tests.Pipelines;
using Crm.Sdk.Tests.Tickets;
using Crm.Sdk.Tickets;
using Xunit;

namespace Crm.Sdk.Tests.InputRules;

/// <summary>
/// One text rule for every field of every aggregate (issue 10): an unpaired surrogate is refused with
/// <c>invalid-unicode</c> naming the field, never repaired to U+FFFD nor left to fail in the JSON writer or the cipher;
/// a required text of only invisible characters is missing; valid text of any script round-trips exactly.
/// Lone surrogates are passed by index, not as theory data: xUnit would turn them into U+FFFD on the way.
/// </summary>
public sealed class TextRuleTests
{
    /// <summary>Lone high, lone low and reversed surrogates, at the start, inside and at the end of a text.</summary>
    private static readonly string[] Unpaired = ["\uD83D", "Ada\uD83D", "\uDE00Ada", "A\uDE00\uD83Dda", "Ada \uD83D\uD83D\uDE00"];

    private static readonly Pipeline Pipeline = Samples.SalesPipeline();

    /// <summary>Every text field of every aggregate, with a writer that creates the aggregate with the text in that field.</summary>
    private static readonly (string Field, Func<string, object> Write)[] Fields =
    [
        ("DisplayName", t => CustomerTestData.Create(CustomerTestData.Person() with { DisplayName = t })),
        ("CompanyName", t => CustomerTestData.Create(CustomerTestData.Company() with { CompanyName = t })),
        ("GivenName", t => CustomerTestData.Create(CustomerTestData.Person() with { GivenName = t })),
        ("OwnerId", t => CustomerTestData.Create(CustomerTestData.Person() with { OwnerId = t })),
        ("Tags[0]", t => CustomerTestData.Create(CustomerTestData.Person() with { Tags = [t] })),
        ("Emails[0]", t => CustomerTestData.Create(CustomerTestData.Person() with { Emails = ["ada" + t + "@example.com"] })),
        ("CustomFields.nickname", t => CustomerTestData.Create(CustomerTestData.Person() with { CustomFields = new Dictionary<string, CustomFieldValue> { ["nickname"] = CustomFieldValue.Text(t) } })),
        ("Subject", t => Interaction.Record(InteractionTestData.Email() with { Subject = t }, InteractionTestData.Id, InteractionTestData.RecordedAt)),
        ("Body", t => Interaction.Record(InteractionTestData.Email() with { Body = t }, InteractionTestData.Id, InteractionTestData.RecordedAt)),
        ("Participants[0].Name", t => Interaction.Record(InteractionTestData.Email() with { Participants = [new Participant(t, "ada@example.com", null)] }, InteractionTestData.Id, InteractionTestData.RecordedAt)),
        ("Name", t => Deal.Create(Samples.DealDraft(Pipeline) with { Name = t }, Pipeline, DealId.New(Samples.T0), Samples.T0)),
        ("Subject", t => Ticket.Open(TicketTestData.Draft() with { Subject = t }, TicketTestData.Id, TicketTestData.CreatedAt)),
        ("Description", t => Ticket.Open(TicketTestData.Draft() with { Description = t }, TicketTestData.Id, TicketTestData.CreatedAt)),
    ];

    public static TheoryData<string> Invisible => new() { "\u200B", "\uFEFF", "\u2060\u200B ", " \u200D\t", "\u00A0\u3000" };

    public static TheoryData<int, int> UnpairedInEveryField()
    {
        var data = new TheoryData<int, int>();
        for (var field = 0; field < Fields.Length; field++)
        {
            for (var text = 0; text < Unpaired.Length; text++)
            {
                data.Add(field, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnpairedInEveryField))]
    public void An_unpaired_surrogate_is_refused_with_invalid_unicode_naming_the_field(int field, int text)
    {
        var (name, write) = Fields[field];
        Assert.NotNull(write("Valid"));

        var exception = Assert.Throws<CrmValidationException>(() => write(Unpaired[text]));

        Assert.Contains(exception.Errors, e => e.Field == name && e.Rule == "invalid-unicode");
    }

    [Theory]
    [MemberData(nameof(Invisible))]
    public void A_required_text_of_only_invisible_characters_is_missing(string text)
    {
        var customer = Assert.Throws<CrmValidationException>(() => CustomerTestData.Create(CustomerTestData.Company() with { CompanyName = null, DisplayName = text }));
        var ticket = Assert.Throws<CrmValidationException>(() => Ticket.Open(TicketTestData.Draft() with { Subject = text }, TicketTestData.Id, TicketTestData.CreatedAt));
        var pipeline = Assert.Throws<CrmValidationException>(() => Pipeline.Create(Samples.SalesDraft(text), PipelineId.New(Samples.T0), Samples.T0));

        Assert.Contains(customer.Errors, e => e.Field == "DisplayName" && e.Rule == "required");
        Assert.Contains(ticket.Errors, e => e.Field == "Subject" && e.Rule == "required");
        Assert.Contains(pipeline.Errors, e => e.Field == "Name" && e.Rule == "required");
    }

    [Theory]
    [InlineData("张伟")]
    [InlineData("Ｆｏｏ Bar")]
    [InlineData("Rene\u0301e Blanc")]
    [InlineData("👩‍👩‍👧 family")]
    [InlineData("من\u200Cمی")]
    public void Valid_text_of_any_script_is_stored_exactly(string name)
    {
        var customer = CustomerTestData.Create(CustomerTestData.Person() with { DisplayName = name });
        var interaction = Interaction.Record(InteractionTestData.Email() with { Subject = name, Body = name + "\r\n\t" + name }, InteractionTestData.Id, InteractionTestData.RecordedAt);

        Assert.Equal(name, customer.DisplayName);
        Assert.Equal(name, interaction.Subject);
        Assert.Equal(name + "\r\n\t" + name, interaction.Body);
    }

    [Theory]
    [InlineData("Line\u0000")]
    [InlineData("Bell\u0007")]
    [InlineData("Escape\u001B[31m")]
    [InlineData("C1\u0085")]
    public void Multi_line_texts_take_tab_and_line_breaks_but_no_other_control_character(string body)
    {
        var exception = Assert.Throws<CrmValidationException>(() => Interaction.Record(InteractionTestData.Email() with { Body = body }, InteractionTestData.Id, InteractionTestData.RecordedAt));

        Assert.Contains(exception.Errors, e => e.Field == "Body" && e.Rule == "control-characters");
    }
}
