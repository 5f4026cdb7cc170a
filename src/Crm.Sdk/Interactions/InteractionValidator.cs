using System.Globalization;
using Crm.Sdk.Domain;

namespace Crm.Sdk.Interactions;

/// <summary>Checks an <see cref="InteractionDraft"/>, collecting every broken rule.</summary>
internal static class InteractionValidator
{
    public static List<ValidationError> Validate(InteractionDraft draft)
    {
        var errors = new List<ValidationError>();
        if (draft.CustomerId.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("CustomerId", "required", "An interaction needs the customer it was with."));
        }

        InputRules.Defined(draft.Kind, "Kind", errors);
        InputRules.Defined(draft.Channel, "Channel", errors);
        InputRules.Defined(draft.Direction, "Direction", errors);
        CheckText(draft.Subject, Interaction.MaxSubjectLength, "Subject", errors);
        CheckText(draft.Body, Interaction.MaxBodyLength, "Body", errors, multiline: true);
        CheckParticipants(draft.Participants, errors);
        if (draft.DealId is { } dealId && dealId.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("DealId", "invalid-id", "The deal id is empty."));
        }

        if (draft.TicketId is { } ticketId && ticketId.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("TicketId", "invalid-id", "The ticket id is empty."));
        }

        var kindKnown = Enum.IsDefined(draft.Kind);
        var needsTransaction = draft.Kind is InteractionKind.Purchase or InteractionKind.Refund;
        var needsFeedback = draft.Kind is InteractionKind.Feedback;
        var needsEvent = draft.Kind is InteractionKind.BehaviourEvent;
        CheckPresence(draft.Transaction is not null, needsTransaction, kindKnown, draft.Kind, "Transaction", errors);
        CheckPresence(draft.Feedback is not null, needsFeedback, kindKnown, draft.Kind, "Feedback", errors);
        CheckPresence(draft.BehaviourEvent is not null, needsEvent, kindKnown, draft.Kind, "BehaviourEvent", errors);
        if (draft.Transaction is { } transaction)
        {
            CheckTransaction(transaction, errors);
        }

        if (draft.Feedback is { } feedback)
        {
            CheckFeedback(feedback, errors);
        }

        if (draft.BehaviourEvent is { } behaviourEvent)
        {
            CheckBehaviourEvent(behaviourEvent, errors);
        }

        return errors;
    }

    private static void CheckPresence(bool present, bool required, bool kindKnown, InteractionKind kind, string field, List<ValidationError> errors)
    {
        if (!kindKnown)
        {
            return;
        }

        if (required && !present)
        {
            errors.Add(new ValidationError(field, "required-for-kind", $"An interaction of kind {kind} needs a {field} detail."));
        }
        else if (!required && present)
        {
            errors.Add(new ValidationError(field, "forbidden-for-kind", $"An interaction of kind {kind} cannot carry a {field} detail."));
        }
    }

    private static void CheckTransaction(TransactionDetail transaction, List<ValidationError> errors)
    {
        if (InputRules.IsBlank(transaction.OrderReference))
        {
            errors.Add(new ValidationError("Transaction.OrderReference", "required", "A purchase or refund needs the order reference."));
        }
        else
        {
            CheckText(transaction.OrderReference, TransactionDetail.MaxOrderReferenceLength, "Transaction.OrderReference", errors);
        }

        var amount = transaction.Amount;
        errors.AddRange(Money.Validate(amount.Amount, amount.Currency, "Transaction.Amount", "Transaction.Amount.Currency"));
        if (amount.Amount <= 0m)
        {
            errors.Add(new ValidationError("Transaction.Amount", "amount-positive", "The amount of a purchase or refund must be above zero."));
        }
    }

    private static void CheckFeedback(FeedbackDetail feedback, List<ValidationError> errors)
    {
        InputRules.Defined(feedback.Category, "Feedback.Category", errors);
        CheckText(feedback.Comment, FeedbackDetail.MaxCommentLength, "Feedback.Comment", errors, multiline: true);
        if (feedback.Scale is { } scale && !InputRules.Defined(scale, "Feedback.Scale", errors))
        {
            return;
        }

        switch (feedback.Rating, feedback.Scale)
        {
            case (null, null):
                break;
            case (not null, null):
                errors.Add(new ValidationError("Feedback.Scale", "required", "A rating needs its scale."));
                break;
            case (null, not null):
                errors.Add(new ValidationError("Feedback.Rating", "required", "A rating scale needs a rating."));
                break;
            case ({ } rating, { } ratingScale):
                var (min, max) = Interaction.RatingRange(ratingScale);
                if (rating < min || rating > max)
                {
                    errors.Add(new ValidationError(
                        "Feedback.Rating",
                        "rating-range",
                        string.Create(CultureInfo.InvariantCulture, $"A {ratingScale} rating must lie between {min} and {max}; it was {rating}.")));
                }

                break;
        }
    }

    private static void CheckBehaviourEvent(BehaviourEventDetail behaviourEvent, List<ValidationError> errors)
    {
        if (InputRules.IsBlank(behaviourEvent.Name))
        {
            errors.Add(new ValidationError("BehaviourEvent.Name", "required", "A behaviour event needs a name."));
        }
        else
        {
            CheckText(behaviourEvent.Name, BehaviourEventDetail.MaxNameLength, "BehaviourEvent.Name", errors);
        }

        if (behaviourEvent.Properties is not { } properties)
        {
            return;
        }

        if (properties.Count > BehaviourEventDetail.MaxProperties)
        {
            errors.Add(new ValidationError(
                "BehaviourEvent.Properties",
                "max-count",
                string.Create(CultureInfo.InvariantCulture, $"A behaviour event has at most {BehaviourEventDetail.MaxProperties} properties; it had {properties.Count}.")));
        }

        foreach (var (key, value) in properties)
        {
            var field = $"BehaviourEvent.Properties[{key}]";
            if (InputRules.IsBlank(key))
            {
                errors.Add(new ValidationError(field, "required", "A property needs a non-blank key."));
            }
            else
            {
                InputRules.Check(key, field, BehaviourEventDetail.MaxPropertyKeyLength, errors);
            }

            if (value is null)
            {
                errors.Add(new ValidationError(field, "required", "A property needs a value."));
            }
            else
            {
                CheckText(value, BehaviourEventDetail.MaxPropertyValueLength, field, errors, multiline: true);
            }
        }
    }

    private static void CheckParticipants(IReadOnlyList<Participant>? participants, List<ValidationError> errors)
    {
        if (participants is null)
        {
            return;
        }

        if (participants.Count > Interaction.MaxParticipants)
        {
            errors.Add(new ValidationError(
                "Participants",
                "max-count",
                string.Create(CultureInfo.InvariantCulture, $"An interaction has at most {Interaction.MaxParticipants} participants; it had {participants.Count}.")));
        }

        for (var i = 0; i < participants.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"Participants[{i}]");
            var participant = participants[i];
            if (participant is null || (InputRules.IsBlank(participant.Name) && InputRules.IsBlank(participant.Address)))
            {
                errors.Add(new ValidationError(field, "required", "A participant needs a name or an address."));
                continue;
            }

            CheckText(participant.Name, Participant.MaxNameLength, field + ".Name", errors);
            CheckText(participant.Address, Participant.MaxAddressLength, field + ".Address", errors);
            CheckText(participant.Role, Participant.MaxRoleLength, field + ".Role", errors);
        }
    }


    private static void CheckText(string? value, int max, string field, List<ValidationError> errors, bool multiline = false)
    {
        if (value is not null)
        {
            InputRules.Check(value, field, max, errors, multiline);
        }
    }
}
