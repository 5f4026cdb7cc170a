using System.Globalization;
using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Import;

/// <summary>Deal rows: a deal of a customer found by the record key, in the mapping's pipeline, at the row's stage.</summary>
internal sealed partial class ImportRun
{
    private async Task<ImportRowResult> ImportDealAsync(SourceRow row, ICrmUnitOfWork uow, CancellationToken cancellationToken)
    {
        if (KeyText(row) is not { } keyText)
        {
            return Rejected(row, new ValidationError("key", "required", $"The customer key ({Describe(mapping.Key.Value!)}) is empty."));
        }

        if (DuplicateKey(row) is { } duplicate && !_seen.Add(duplicate))
        {
            return new ImportRowResult(row.Line, ImportOutcome.SkippedDuplicate);
        }

        var (values, stage, amount, expectedClose, errors) = ReadDeal(row);
        if (errors.Count > 0)
        {
            return Rejected(row, errors);
        }

        var (customerId, customerCreated, storedBefore, customerErrors) = await ResolveCustomerAsync(row, keyText, uow, cancellationToken).ConfigureAwait(false);
        if (customerId is not { } id)
        {
            return Rejected(row, customerErrors);
        }

        var pipeline = _pipeline!;
        var name = values["name"]!;
        if (storedBefore && (await StoredDealsAsync(id, cancellationToken).ConfigureAwait(false)).TryGetValue(name, out var existing))
        {
            try
            {
                var changes = mapping.OnMatch == MatchPolicy.Skip ? [] : ApplyDeal(existing, pipeline, values, stage, amount, expectedClose, mapping.OnMatch == MatchPolicy.UpdateEmpty);
                if (changes.Count > 0)
                {
                    uow.Update(existing);
                }

                return new ImportRowResult(row.Line, changes.Count > 0 ? ImportOutcome.Updated : ImportOutcome.Unchanged) { RecordId = existing.Id.Value, CustomerId = id.Value, Changes = changes };
            }
            catch (CrmValidationException ex)
            {
                return Rejected(row, ex.Errors);
            }
            catch (DomainRuleException ex)
            {
                return Rejected(row, new ValidationError("deal.stage", ex.Rule, ex.Message));
            }
        }

        try
        {
            var firstOpen = pipeline.Stages.First(s => !s.IsClosed);
            var deal = await uow.CreateDealAsync(
                new DealDraft
                {
                    CustomerId = id,
                    PipelineId = pipeline.Id,
                    Name = name,
                    Amount = amount,
                    ExpectedCloseDate = expectedClose,
                    OwnerId = values.GetValueOrDefault("ownerId"),
                    InitialStageId = stage.IsClosed ? firstOpen.Id : stage.Id,
                },
                cancellationToken).ConfigureAwait(false);
            Close(deal, pipeline, stage);
            return new ImportRowResult(row.Line, ImportOutcome.Created) { RecordId = deal.Id.Value, CustomerId = id.Value, CustomerCreated = customerCreated, Changes = Created(values) };
        }
        catch (CrmValidationException ex)
        {
            return new ImportRowResult(row.Line, ImportOutcome.Rejected) { Errors = ex.Errors, CustomerId = id.Value, CustomerCreated = customerCreated };
        }
    }

    private static void Close(Deal deal, Pipeline pipeline, PipelineStage stage)
    {
        if (stage.Outcome == StageOutcome.ClosedWon)
        {
            deal.Win(pipeline);
        }
        else if (stage.Outcome == StageOutcome.ClosedLost)
        {
            deal.Lose(pipeline, null);
        }
    }

    private (Dictionary<string, string?> Values, PipelineStage Stage, Money Amount, LocalDate? ExpectedClose, List<ValidationError> Errors) ReadDeal(SourceRow row)
    {
        var errors = new List<ValidationError>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in mapping.Deal.Keys)
        {
            values[field] = Text(row, mapping.Deal, field, out var failure);
            if (failure is not null)
            {
                errors.Add(new ValidationError("deal." + field, failure, $"'{values[field]}' is not a {failure} ({Describe(mapping.Deal[field])})."));
            }
        }

        var pipeline = _pipeline!;
        if (values.GetValueOrDefault("name") is null)
        {
            errors.Add(new ValidationError("deal.name", "required", $"The deal's name ({Describe(mapping.Deal["name"])}) is empty."));
        }

        var stage = pipeline.Stages.First(s => !s.IsClosed);
        if (values.GetValueOrDefault("stage") is { } stageName)
        {
            if (pipeline.Stages.FirstOrDefault(s => string.Equals(s.Name, stageName, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                stage = found;
            }
            else
            {
                errors.Add(new ValidationError("deal.stage", "unknown-stage", $"Pipeline '{pipeline.Name}' has no stage '{stageName}'."));
            }
        }

        var amountValue = 0m;
        if (values.GetValueOrDefault("amount") is { } amountText
            && !FieldParsers.TryParseDecimal(amountText, CultureFor(mapping.Deal, "amount"), mapping.Deal["amount"].DecimalComma, out amountValue))
        {
            errors.Add(new ValidationError("deal.amount", "number", $"'{amountText}' is not a number ({Describe(mapping.Deal["amount"])})."));
        }

        var currency = values.GetValueOrDefault("currency") ?? mapping.DefaultCurrency;
        var amount = default(Money);
        if (currency is null)
        {
            errors.Add(new ValidationError("deal.currency", "required", "No currency column and no defaultCurrency in the mapping."));
        }
        else if (Money.Validate(amountValue, currency, "deal.amount", "deal.currency") is { Count: > 0 } moneyErrors)
        {
            errors.AddRange(moneyErrors);
        }
        else
        {
            amount = Money.Of(amountValue, currency);
        }

        LocalDate? expectedClose = null;
        if (values.GetValueOrDefault("expectedCloseDate") is { } dateText)
        {
            if (FieldParsers.TryParseDate(dateText, mapping.Deal["expectedCloseDate"].Format, CultureFor(mapping.Deal, "expectedCloseDate"), out var date))
            {
                expectedClose = date;
            }
            else
            {
                errors.Add(new ValidationError("deal.expectedCloseDate", "date", $"'{dateText}' does not match the date pattern '{mapping.Deal["expectedCloseDate"].Format ?? "uuuu-MM-dd"}'."));
            }
        }

        return (values, stage, amount, expectedClose, errors);
    }

    private static List<FieldChange> ApplyDeal(Deal deal, Pipeline pipeline, Dictionary<string, string?> values, PipelineStage stage, Money amount, LocalDate? expectedClose, bool onlyEmpty)
    {
        var changes = new List<FieldChange>();
        if (!onlyEmpty && values.ContainsKey("amount") && deal.Amount != amount)
        {
            changes.Add(new FieldChange("amount", deal.Amount.ToString(), amount.ToString()));
            deal.ChangeAmount(amount);
        }

        if (expectedClose is not null && deal.ExpectedCloseDate != expectedClose && (!onlyEmpty || deal.ExpectedCloseDate is null))
        {
            changes.Add(new FieldChange("expectedCloseDate", deal.ExpectedCloseDate?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), expectedClose.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
            deal.ChangeExpectedCloseDate(expectedClose);
        }

        if (values.GetValueOrDefault("ownerId") is { } owner && !string.Equals(owner, deal.OwnerId, StringComparison.Ordinal) && (!onlyEmpty || deal.OwnerId is null))
        {
            changes.Add(new FieldChange("ownerId", deal.OwnerId, owner));
            deal.AssignOwner(owner);
        }

        if (!onlyEmpty && values.ContainsKey("stage") && deal.StageId != stage.Id)
        {
            var before = pipeline.Stages.FirstOrDefault(s => s.Id == deal.StageId)?.Name;
            changes.Add(new FieldChange("stage", before, stage.Name));
            if (deal.IsClosed)
            {
                deal.Reopen(pipeline, stage.IsClosed ? null : stage.Id);
            }
            else if (!stage.IsClosed)
            {
                deal.MoveTo(pipeline, stage.Id);
            }

            Close(deal, pipeline, stage);
        }

        return changes;
    }

    /// <summary>The stored deals of a customer that existed before this run, in the mapping's pipeline, by name; loaded once.</summary>
    private async Task<Dictionary<string, Deal>> StoredDealsAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        if (_storedDeals.TryGetValue(customerId.Value, out var stored))
        {
            return stored;
        }

        stored = new Dictionary<string, Deal>(StringComparer.Ordinal);
        await foreach (var deal in crm.Deals.StreamAsync(new DealFilter { CustomerId = customerId, PipelineId = _pipeline!.Id }, cancellationToken).ConfigureAwait(false))
        {
            stored.TryAdd(deal.Name, deal);
        }

        _storedDeals[customerId.Value] = stored;
        return stored;
    }
}
