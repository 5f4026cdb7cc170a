using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Interactions.Events;
using Crm.Sdk.Tickets;
using Xunit;
using static Crm.Sdk.Tests.Interactions.InteractionTestData;

namespace Crm.Sdk.Tests.Interactions;

/// <summary>Linking an interaction to a deal or a ticket.</summary>
public class InteractionLinkTests
{
    [Fact]
    public void Linking_to_a_deal_sets_the_deal_and_raises_an_event()
    {
        var interaction = Record(Email());
        var dealId = new DealId(Guid.NewGuid());

        interaction.LinkToDeal(dealId);

        Assert.Equal(dealId, interaction.DealId);
        Assert.Equal(new InteractionLinkedToDeal(Id, dealId, null), interaction.DomainEvents[^1]);
    }

    [Fact]
    public void Moving_to_another_deal_names_the_previous_one()
    {
        var first = new DealId(Guid.NewGuid());
        var second = new DealId(Guid.NewGuid());
        var interaction = Record(Email());
        interaction.LinkToDeal(first);

        interaction.LinkToDeal(second);

        Assert.Equal(second, interaction.DealId);
        Assert.Equal(new InteractionLinkedToDeal(Id, second, first), interaction.DomainEvents[^1]);
    }

    [Fact]
    public void Linking_to_the_same_deal_again_changes_nothing()
    {
        var dealId = new DealId(Guid.NewGuid());
        var interaction = Record(Email());
        interaction.LinkToDeal(dealId);
        var events = interaction.DomainEvents.Count;

        interaction.LinkToDeal(dealId);

        Assert.Equal(events, interaction.DomainEvents.Count);
    }

    [Fact]
    public void Linking_to_a_ticket_sets_the_ticket_and_raises_an_event()
    {
        var interaction = Record(Email());
        var ticketId = new TicketId(Guid.NewGuid());

        interaction.LinkToTicket(ticketId);
        interaction.LinkToTicket(ticketId);

        Assert.Equal(ticketId, interaction.TicketId);
        Assert.Single(interaction.DomainEvents.OfType<InteractionLinkedToTicket>());
    }

    [Fact]
    public void Empty_links_are_rejected_and_change_nothing()
    {
        var interaction = Record(Email());

        AssertOnlyError(Assert.Throws<CrmValidationException>(() => interaction.LinkToDeal(default)), "DealId", "invalid-id");
        AssertOnlyError(Assert.Throws<CrmValidationException>(() => interaction.LinkToTicket(default)), "TicketId", "invalid-id");
        Assert.Null(interaction.DealId);
        Assert.Null(interaction.TicketId);
        Assert.Single(interaction.DomainEvents);
    }
}
