using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// A realistic day of CRM writes: customers with names, emails, phones, addresses and notes; their emails, calls and
/// feedback; tickets with comments and ratings. Remembers every personal text it wrote, for the raw-byte scans.
/// </summary>
internal sealed class Workload
{
    private static readonly string[] GivenNames = ["Ottoline", "Barnaby", "Perpetua", "Lysander", "Wilhelmina", "Cosimo", "Araminta", "Thaddeus"];
    private static readonly string[] FamilyNames = ["Quarrington", "Fennimore", "Blackwood", "Ravensworth", "Pemberton", "Ashcombe", "Vandersloot"];

    private readonly List<string> _personalTexts = [];

    /// <summary>Every personal text written: names, emails, phones (raw and E.164), address lines, notes, subjects, bodies, comments.</summary>
    public IReadOnlyList<string> PersonalTexts => _personalTexts;

    public List<Customer> Customers { get; } = [];

    public List<Interaction> Interactions { get; } = [];

    public List<Ticket> Tickets { get; } = [];

    public static string Number(int i) => i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The draft of customer <paramref name="i"/>: a person, or every fifth one a company.</summary>
    public static CustomerDraft CustomerDraft(int i)
    {
        var n = Number(i);
        var given = GivenNames[i % GivenNames.Length];
        var family = FamilyNames[i % FamilyNames.Length] + n;
        var company = i % 5 == 0;
        return new CustomerDraft
        {
            Kind = company ? CustomerKind.Company : CustomerKind.Person,
            GivenName = company ? null : given,
            FamilyName = company ? null : family,
            MiddleName = company || i % 2 == 0 ? null : "Evangeline",
            CompanyName = company ? $"{family} Haberdashery Ltd" : null,
            Emails = [new ContactDraft { Value = $"{given}.{family}@Example-Mail.org", Label = "Work" }, new ContactDraft { Value = $"{family}.home{n}@private-post.net", Label = "Home" }],
            Phones = [new ContactDraft { Value = $"+44 20 7946 0{n}", Label = "Office" }, new ContactDraft { Value = $"07700 900{n}", Label = "Mobile" }],
            Addresses =
            [
                new PostalAddressDraft
                {
                    Kind = AddressKind.Home,
                    Lines = [$"{i + 10} Larkspur Crescent", $"Apartment {n}-Quill"],
                    City = "Little Whitbury",
                    PostalCode = $"LW{i % 9 + 1} {n[1..]}QZ",
                    Country = "GB",
                },
            ],
            Tags = ["vip", "newsletter"],
            CustomFields = new Dictionary<string, CustomFieldValue>
            {
                [TestDatabase.NotesField] = CustomFieldValue.Text($"Prefers calls after lunch; dog named Biscuit{n}"),
            },
            ExternalIds = new Dictionary<string, string> { ["erp"] = $"C-{n}" },
        };
    }

    /// <summary>The personal texts of a customer draft, as a scan should (not) find them.</summary>
    public static IEnumerable<string> PersonalTextsOf(CustomerDraft draft, Customer created)
    {
        yield return created.DisplayName;
        foreach (var text in new[] { draft.GivenName, draft.FamilyName, draft.CompanyName }.OfType<string>())
        {
            yield return text;
        }

        foreach (var email in draft.Emails)
        {
            yield return email.Value;
        }

        foreach (var phone in created.Phones)
        {
            yield return phone.Number.Raw;
            yield return phone.Number.E164;
        }

        foreach (var address in draft.Addresses)
        {
            foreach (var line in address.Lines)
            {
                yield return line;
            }

            yield return address.PostalCode!;
        }

        yield return ((TextFieldValue)draft.CustomFields[TestDatabase.NotesField]).Value;
    }

    /// <summary>Writes <paramref name="customers"/> customers, about six interactions each, and a ticket for every third one.</summary>
    public async Task RunAsync(ICrm crm, int customers = 50)
    {
        var uow = crm.BeginUnitOfWork();
        var drafts = new List<CustomerDraft>();
        for (var i = 0; i < customers; i++)
        {
            var draft = CustomerDraft(i);
            drafts.Add(draft);
            Customers.Add(await uow.CreateCustomerAsync(draft));
        }

        await uow.CommitAsync();
        for (var i = 0; i < customers; i++)
        {
            _personalTexts.AddRange(PersonalTextsOf(drafts[i], Customers[i]));
        }

        _personalTexts.Add("Little Whitbury");
        _personalTexts.Add("Evangeline");

        var interactions = new List<InteractionDraft>();
        for (var i = 0; i < customers; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                interactions.Add(InteractionDraft(Customers[i], i * 10 + j));
            }
        }

        Interactions.AddRange(await crm.Interactions.CreateManyAsync(interactions));

        for (var i = 0; i < customers; i += 3)
        {
            Tickets.Add(await OpenTicketAsync(crm, Customers[i], i));
        }
    }

    /// <summary>An email, a call or a feedback of a customer, its texts remembered.</summary>
    public InteractionDraft InteractionDraft(Customer customer, int j)
    {
        var n = j.ToString("D4", CultureInfo.InvariantCulture);
        var subject = $"Renewal of policy QX-{n} for {customer.DisplayName}";
        var body = $"Hello, regarding invoice 77{n}: the delivery to the back door was missed again. Kind regards, {customer.DisplayName}";
        _personalTexts.Add(subject);
        _personalTexts.Add(body);
        switch (j % 3)
        {
            case 0:
                return new InteractionDraft
                {
                    CustomerId = customer.Id,
                    Kind = InteractionKind.Email,
                    Channel = InteractionChannel.Email,
                    Direction = InteractionDirection.Inbound,
                    Subject = subject,
                    Body = body,
                    Participants = [new Participant(customer.DisplayName, customer.PrimaryEmail?.Value ?? customer.Emails[0].Address.Value, "from"), new Participant($"Agent Prudence {n}", $"prudence.{n}@support-desk.example", "to")],
                };
            case 1:
                return new InteractionDraft
                {
                    CustomerId = customer.Id,
                    Kind = InteractionKind.Call,
                    Channel = InteractionChannel.Phone,
                    Direction = InteractionDirection.Outbound,
                    Subject = subject,
                    Body = body,
                    Participants = [new Participant(customer.DisplayName, customer.Phones[0].Number.E164)],
                };
            default:
                var comment = $"The courier left parcel {n} in the rain, very disappointed";
                _personalTexts.Add(comment);
                return new InteractionDraft
                {
                    CustomerId = customer.Id,
                    Kind = InteractionKind.Feedback,
                    Channel = InteractionChannel.Web,
                    Direction = InteractionDirection.Inbound,
                    Subject = subject,
                    Body = body,
                    Feedback = new FeedbackDetail(FeedbackCategory.Complaint, 2, RatingScale.FiveStar, comment),
                };
        }
    }

    /// <summary>Opens a ticket with a description and two comments, resolves it and rates it with a comment.</summary>
    public async Task<Ticket> OpenTicketAsync(ICrm crm, Customer customer, int k)
    {
        var n = k.ToString("D4", CultureInfo.InvariantCulture);
        var subject = $"Kettle model KQ-{n} leaks from the base";
        var description = $"Bought in the Whitbury store, receipt 55{n}; water pools under the kettle after every boil.";
        var comment1 = $"Customer says the seal cracked, serial SN-{n}-ZX";
        var comment2 = $"Replacement kettle dispatched to flat {n}, courier ref RX{n}";
        var rating = $"Fast replacement, thank you Prudence ({n})";
        _personalTexts.AddRange([subject, description, comment1, comment2, rating]);
        var ticket = await crm.Tickets.CreateAsync(new TicketDraft { CustomerId = customer.Id, Type = TicketType.AfterSales, Subject = subject, Description = description });
        await crm.Tickets.AddCommentAsync(ticket.Id, "agent-7", comment1);
        await crm.Tickets.AddCommentAsync(ticket.Id, "agent-7", comment2, isInternal: true);
        await crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved);
        return await crm.Tickets.RateAsync(ticket.Id, 4, rating);
    }
}
