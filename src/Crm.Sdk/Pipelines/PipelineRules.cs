using System.Globalization;

namespace Crm.Sdk.Pipelines;

/// <summary>The money and probability checks shared by <see cref="Pipeline"/> and <see cref="Deals.Deal"/>; each adds its errors to a list and never throws.</summary>
internal static class PipelineRules
{
    /// <summary>Checks a win probability: from 0 to 1, and exactly 1 for a won stage and 0 for a lost stage.</summary>
    public static void Probability(decimal probability, StageOutcome outcome, string field, List<ValidationError> errors)
    {
        var text = probability.ToString(CultureInfo.InvariantCulture);
        if (probability is < 0m or > 1m)
        {
            errors.Add(new ValidationError(field, "probability-range", $"The probability {text} must be from 0 to 1."));
        }
        else if (outcome == StageOutcome.ClosedWon && probability != 1m)
        {
            errors.Add(new ValidationError(field, "closed-stage-probability", $"A closed-won stage has probability 1, not {text}."));
        }
        else if (outcome == StageOutcome.ClosedLost && probability != 0m)
        {
            errors.Add(new ValidationError(field, "closed-stage-probability", $"A closed-lost stage has probability 0, not {text}."));
        }
    }

    /// <summary>Checks a deal amount: a valid <see cref="Money"/> (the default value is not) that is not negative.</summary>
    public static void Amount(Money amount, string field, List<ValidationError> errors)
    {
        var before = errors.Count;
        errors.AddRange(Money.Validate(amount.Amount, amount.Currency, field, field + ".Currency"));
        if (errors.Count == before && amount.IsNegative)
        {
            errors.Add(new ValidationError(field, "amount-not-negative", $"The amount {amount} must not be negative."));
        }
    }
}
