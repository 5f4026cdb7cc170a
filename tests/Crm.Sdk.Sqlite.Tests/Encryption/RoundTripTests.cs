using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>Every encryptable field, written with encryption on, reads back unchanged in a new process, and is not in the file.</summary>
public sealed class RoundTripTests
{
    /// <summary>Customers, interactions, tickets and (with <c>deals.name</c> added) deals round-trip through a reopened database.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Every_encrypted_field_round_trips_through_a_new_service_provider()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        Customer person, company;
        Interaction email, feedback;
        Ticket ticket;
        Deal deal;
        await using (var host = database.OpenEncrypted(key, configure: e => e.EncryptedFields.Add(EncryptableField.Names.DealName)))
        {
            var crm = host.Crm;
            person = await crm.Customers.CreateAsync(new CustomerDraft
            {
                Kind = CustomerKind.Person,
                DisplayName = "Zoë \"Zed\" Ångström-Łukasiewicz 🚀",
                GivenName = "Zoë",
                MiddleName = "Maëlle",
                FamilyName = "Ångström-Łukasiewicz",
                Emails = [new ContactDraft { Value = "Zoe.Angstrom@Example.org", Label = "Work" }, new ContactDraft { Value = "zed@home.example", Label = "Home" }, new ContactDraft { Value = "zoe+crm@third.example" }],
                Phones = [new ContactDraft { Value = "+44 (0)20 7946 0958", Label = "Office" }, new ContactDraft { Value = "07700 900 461" }],
                Addresses =
                [
                    new PostalAddressDraft { Kind = AddressKind.Home, Lines = ["Flat 3", "12 Rue de l'Église"], City = "Montréal", Region = "QC", PostalCode = "H2X 1Y4", Country = "CA" },
                    new PostalAddressDraft { Kind = AddressKind.Billing, Lines = ["PO Box 77"], City = "London", PostalCode = "EC1A 1BB", Country = "GB" },
                ],
                CustomFields = new Dictionary<string, CustomFieldValue> { [TestDatabase.NotesField] = CustomFieldValue.Text("Allergic to peanuts; speaks French\nand Polish.") },
                Tags = ["vip"],
            });
            company = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Company, CompanyName = "Łódź Widget Works S.A.", Emails = ["sales@lodz-widgets.example"] });
            email = await crm.Interactions.CreateAsync(new InteractionDraft
            {
                CustomerId = person.Id,
                Kind = InteractionKind.Email,
                Channel = InteractionChannel.Email,
                Direction = InteractionDirection.Inbound,
                Subject = "Re: Rückerstattung für Bestellung #4471",
                Body = "Hallo,\r\nbitte erstatten Sie mir 42,50 € zurück.\r\n— Zoë",
                Participants = [new Participant("Zoë Å.", "Zoe.Angstrom@Example.org", "from"), new Participant(null, "billing@shop.example", "to")],
            });
            feedback = await crm.Interactions.CreateAsync(new InteractionDraft
            {
                CustomerId = person.Id,
                Kind = InteractionKind.Feedback,
                Channel = InteractionChannel.Web,
                Direction = InteractionDirection.Inbound,
                Feedback = new FeedbackDetail(FeedbackCategory.Suggestion, 9, RatingScale.Nps, "Please add dark mode ☾"),
            });
            ticket = await crm.Tickets.CreateAsync(new TicketDraft { CustomerId = person.Id, Type = TicketType.Technical, Subject = "App crashes on login", Description = "Since update 3.2 the app closes when I tap \"Sign in\"." });
            await crm.Tickets.AddCommentAsync(ticket.Id, "agent-1", "Could you send the crash log?");
            await crm.Tickets.AddCommentAsync(ticket.Id, "agent-1", "Known issue KI-19, fix in 3.2.1", isInternal: true);
            await crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved);
            ticket = await crm.Tickets.RateAsync(ticket.Id, 5, "Quick and friendly, merci !");
            var pipeline = await crm.Pipelines.CreateAsync(new PipelineDraft { Name = "Sales", Stages = [new PipelineStageDraft { Name = "Lead", Probability = 0.1m }, new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon }, new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost }] });
            deal = await crm.Deals.CreateAsync(new DealDraft { CustomerId = person.Id, PipelineId = pipeline.Id, Name = "Zoë's kitchen refit", Amount = Money.Of(12_500m, "EUR") });
            deal.Rename("Zoë's kitchen and bathroom refit");
            await crm.Deals.UpdateAsync(deal);
        }

        await using (var host = database.OpenEncrypted(key, configure: e => e.EncryptedFields.Add(EncryptableField.Names.DealName)))
        {
            var crm = host.Crm;
            AssertSameCustomer(person, await crm.Customers.GetAsync(person.Id));
            AssertSameCustomer(company, await crm.Customers.GetAsync(company.Id));

            var readEmail = await crm.Interactions.GetAsync(email.Id);
            Assert.Equal((email.Subject, email.Body), (readEmail.Subject, readEmail.Body));
            Assert.Equal(email.Participants, readEmail.Participants);
            Assert.False(readEmail.IsErased);
            Assert.Equal(feedback.Feedback, (await crm.Interactions.GetAsync(feedback.Id)).Feedback);

            var readTicket = await crm.Tickets.GetAsync(ticket.Id);
            Assert.Equal((ticket.Subject, ticket.Description), (readTicket.Subject, readTicket.Description));
            Assert.Equal(ticket.Comments, readTicket.Comments);
            Assert.Equal(ticket.Satisfaction, readTicket.Satisfaction);
            Assert.Equal("Zoë's kitchen and bathroom refit", (await crm.Deals.GetAsync(deal.Id)).Name);
        }

        Assert.Empty(RawFile.FindTexts(database.Path,
        [
            "Ångström", "Łukasiewicz", "Zoe.Angstrom@Example.org", "zed@home.example", "+442079460958", "7946 0958", "Rue de l'Église", "H2X 1Y4",
            "Allergic to peanuts", "Łódź Widget Works", "sales@lodz-widgets.example", "Rückerstattung", "bitte erstatten", "billing@shop.example",
            "dark mode", "App crashes on login", "Since update 3.2", "crash log", "Known issue KI-19", "Quick and friendly", "kitchen refit", "bathroom refit",
        ]));
    }

    private static void AssertSameCustomer(Customer expected, Customer actual)
    {
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.PersonName, actual.PersonName);
        Assert.Equal(expected.CompanyName, actual.CompanyName);
        Assert.Equal(expected.Emails, actual.Emails);
        Assert.Equal(expected.Phones.Select(p => (p.Number.Raw, p.Number.E164, p.Label)), actual.Phones.Select(p => (p.Number.Raw, p.Number.E164, p.Label)));
        Assert.Equal(expected.Addresses, actual.Addresses);
        Assert.Equal(expected.CustomFields.OrderBy(f => f.Key, StringComparer.Ordinal), actual.CustomFields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Tags.Order(), actual.Tags.Order());
        Assert.False(actual.IsErased);
    }
}
