using System.Globalization;
using System.Text;
using Crm.Sdk.Interactions;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Import;

/// <summary>Interaction rows: purchases, refunds, notes, calls… of a customer found or created by the record key.</summary>
internal sealed partial class ImportRun
{
    private async Task<ImportRowResult> ImportInteractionAsync(SourceRow row, ICrmUnitOfWork uow, CancellationToken cancellationToken)
    {
        if (KeyText(row) is not { } keyText)
        {
            return Rejected(row, new ValidationError("key", "required", $"The customer key ({Describe(mapping.Key.Value!)}) is empty."));
        }

        if (DuplicateKey(row) is { } duplicate && !_seen.Add(duplicate))
        {
            return new ImportRowResult(row.Line, ImportOutcome.SkippedDuplicate);
        }

        // The row's own values, and then the interaction's rules, are checked before its customer is resolved (and
        // perhaps created): a rejected row leaves nothing behind. Its customer is the one rule that cannot be checked yet.
        var (draft, values, errors) = BuildInteractionDraft(row, default);
        if (errors.Count == 0)
        {
            errors.AddRange(draft.Validate().Where(e => e.Field != nameof(InteractionDraft.CustomerId)));
        }

        if (errors.Count > 0)
        {
            return Rejected(row, errors);
        }

        var (customerId, customerCreated, storedBefore, customerErrors) = await ResolveCustomerAsync(row, keyText, uow, cancellationToken).ConfigureAwait(false);
        if (customerId is not { } id)
        {
            return Rejected(row, customerErrors);
        }

        draft = draft with { CustomerId = id };
        if (storedBefore)
        {
            var stored = await StoredInteractionsAsync(id, cancellationToken).ConfigureAwait(false);
            var fingerprint = Fingerprint(draft.Kind, draft.OccurredAt, draft.Subject, draft.Body, draft.Transaction);
            if (stored.TryGetValue(fingerprint, out var count) && count > 0)
            {
                stored[fingerprint] = count - 1;
                return new ImportRowResult(row.Line, ImportOutcome.Unchanged) { CustomerId = id.Value };
            }
        }

        try
        {
            var interaction = await uow.CreateInteractionAsync(draft, cancellationToken).ConfigureAwait(false);
            return new ImportRowResult(row.Line, ImportOutcome.Created)
            {
                RecordId = interaction.Id.Value,
                CustomerId = id.Value,
                CustomerCreated = customerCreated,
                Changes = Created(values),
            };
        }
        catch (CrmValidationException ex)
        {
            return new ImportRowResult(row.Line, ImportOutcome.Rejected) { Errors = ex.Errors, CustomerId = id.Value, CustomerCreated = customerCreated };
        }
    }

    private (InteractionDraft Draft, Dictionary<string, string?> Values, List<ValidationError> Errors) BuildInteractionDraft(SourceRow row, CustomerId customerId)
    {
        var errors = new List<ValidationError>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in mapping.Interaction.Keys)
        {
            values[name] = Text(row, mapping.Interaction, name, out var failure);
            if (failure is not null)
            {
                errors.Add(new ValidationError("interaction." + name, failure, $"'{values[name]}' is not a {failure} ({Describe(mapping.Interaction[name])})."));
            }
        }

        var kind = Parse(values, "kind", InteractionKind.Note, errors);
        var channel = Parse(values, "channel", InteractionChannel.Other, errors);
        var direction = Parse(values, "direction", InteractionDirection.Inbound, errors);
        Instant? occurredAt = null;
        if (values.GetValueOrDefault("occurredAt") is { } when)
        {
            var source = mapping.Interaction["occurredAt"];
            if (FieldParsers.TryParseInstant(when, source.Format, CultureFor(mapping.Interaction, "occurredAt"), _zone, out var instant))
            {
                occurredAt = instant;
            }
            else
            {
                errors.Add(new ValidationError("interaction.occurredAt", "date", $"'{when}' does not match the date pattern '{source.Format ?? "uuuu-MM-dd HH:mm:ss"}' ({Describe(source)})."));
            }
        }

        TransactionDetail? transaction = null;
        if (values.ContainsKey("amount") || values.ContainsKey("orderReference"))
        {
            var amountText = values.GetValueOrDefault("amount");
            var amount = 0m;
            if (amountText is null)
            {
                errors.Add(new ValidationError("interaction.amount", "required", "A purchase or refund needs an amount."));
            }
            else if (!FieldParsers.TryParseDecimal(amountText, mapping.Interaction["amount"].Multiply is null ? CultureFor(mapping.Interaction, "amount") : CultureInfo.InvariantCulture, mapping.Interaction["amount"].DecimalComma && mapping.Interaction["amount"].Multiply is null, out amount))
            {
                errors.Add(new ValidationError("interaction.amount", "number", $"'{amountText}' is not a number ({Describe(mapping.Interaction["amount"])})."));
            }

            var currency = values.GetValueOrDefault("currency") ?? mapping.DefaultCurrency;
            if (currency is null)
            {
                errors.Add(new ValidationError("interaction.currency", "required", "No currency column and no defaultCurrency in the mapping."));
            }
            else if (errors.Count == 0)
            {
                var moneyErrors = Money.Validate(amount, currency, "interaction.amount", "interaction.currency");
                errors.AddRange(moneyErrors);
                if (moneyErrors.Count == 0)
                {
                    transaction = new TransactionDetail(values.GetValueOrDefault("orderReference") ?? string.Empty, Money.Of(amount, currency));
                }
            }
        }

        var draft = new InteractionDraft
        {
            CustomerId = customerId,
            Kind = kind,
            Channel = channel,
            Direction = direction,
            OccurredAt = occurredAt,
            Subject = values.GetValueOrDefault("subject"),
            Body = values.GetValueOrDefault("body"),
            Transaction = transaction,
        };
        return (draft, values, errors);
    }

    private static T Parse<T>(Dictionary<string, string?> values, string name, T fallback, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (values.GetValueOrDefault(name) is not { } text)
        {
            return fallback;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]))
        {
            return value;
        }

        errors.Add(new ValidationError("interaction." + name, "choice", $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
        return fallback;
    }

    /// <summary>The stored interactions of a customer that existed before this run, as content hashes (a multiset), loaded once.</summary>
    private async Task<Dictionary<UInt128, int>> StoredInteractionsAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        if (_storedInteractions.TryGetValue(customerId.Value, out var stored))
        {
            return stored;
        }

        stored = [];
        await foreach (var interaction in crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customerId), cancellationToken).ConfigureAwait(false))
        {
            var fingerprint = Fingerprint(interaction.Kind, mapping.Interaction.ContainsKey("occurredAt") ? interaction.OccurredAt : null, interaction.Subject, interaction.Body, interaction.Transaction);
            stored[fingerprint] = stored.GetValueOrDefault(fingerprint) + 1;
        }

        _storedInteractions[customerId.Value] = stored;
        return stored;
    }

    /// <summary>What identifies an interaction's content for idempotent re-import: kind, time (when mapped), texts and transaction.</summary>
    private static UInt128 Fingerprint(InteractionKind kind, Instant? occurredAt, string? subject, string? body, TransactionDetail? transaction)
    {
        var builder = new StringBuilder()
            .Append(kind).Append('\u001f')
            .Append(occurredAt is { } at ? InstantPattern.ExtendedIso.Format(at) : string.Empty).Append('\u001f')
            .Append(Clean(subject)).Append('\u001f')
            .Append(Clean(body)).Append('\u001f');
        if (transaction is not null)
        {
            builder.Append(Clean(transaction.OrderReference)).Append('\u001f')
                .Append((transaction.Amount.Amount / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(transaction.Amount.Currency);
        }

        return Hash(builder.ToString());
    }

    private static string Clean(string? text) => text is null ? string.Empty : text.Trim().Normalize(NormalizationForm.FormC);
}
