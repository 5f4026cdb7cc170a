using Crm.Sdk.Security;

namespace Crm.Sdk.Interactions;

/// <summary>
/// An interaction as an actor who does not see personal data reads it: subject, body and feedback comment as
/// <c>***</c>, participants' names and addresses masked (<see cref="PersonalDataMask"/>); kind, channel, direction, times,
/// participants' roles, the transaction (order reference and amount), ratings, behaviour events and links as they are.
/// </summary>
internal static class InteractionMasking
{
    /// <summary>A masked copy of <paramref name="interaction"/>, marked <see cref="Domain.AggregateRoot{T}.IsMasked"/>; the interaction itself is not changed.</summary>
    /// <param name="interaction">The interaction as stored.</param>
    /// <returns>The masked copy.</returns>
    public static Interaction Mask(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var masked = Interaction.Restore(
            interaction.Id,
            interaction.Version,
            interaction.CustomerId,
            interaction.Kind,
            interaction.Channel,
            interaction.Direction,
            interaction.OccurredAt,
            interaction.RecordedAt,
            PersonalDataMask.Text(interaction.Subject),
            PersonalDataMask.Text(interaction.Body),
            [.. interaction.Participants.Select(p => p with { Name = PersonalDataMask.Name(p.Name), Address = PersonalDataMask.Address(p.Address) })],
            interaction.Transaction,
            interaction.Feedback is { } feedback ? feedback with { Comment = PersonalDataMask.Text(feedback.Comment) } : null,
            interaction.BehaviourEvent,
            interaction.DealId,
            interaction.TicketId,
            interaction.IsErased);
        masked.Clock = interaction.Clock;
        masked.IsMasked = true;
        return masked;
    }
}
