using System.Collections.ObjectModel;
using Crm.Sdk.Customers;

namespace Crm.Sdk.Import;

/// <summary>Customer rows, and the customers of interaction and deal rows.</summary>
internal sealed partial class ImportRun
{
    private async Task<ImportRowResult> ImportCustomerAsync(SourceRow row, ICrmUnitOfWork uow, CancellationToken cancellationToken)
    {
        if (KeyText(row) is not { } keyText)
        {
            return Rejected(row, new ValidationError("key", "required", $"The record key ({Describe(mapping.Key.Value!)}) is empty."));
        }

        if (DuplicateKey(row) is { } duplicate && !_seen.Add(duplicate))
        {
            return new ImportRowResult(row.Line, ImportOutcome.SkippedDuplicate);
        }

        var (draft, values, errors) = BuildCustomerDraft(row, keyText);
        if (errors.Count > 0)
        {
            return Rejected(row, errors);
        }

        Customer? existing;
        try
        {
            existing = await FindCustomerAsync(keyText, cancellationToken).ConfigureAwait(false);
        }
        catch (CrmValidationException ex)
        {
            return Rejected(row, ex.Errors);
        }

        var merged = false;
        if (existing is null && options.Matcher is { } matcher)
        {
            existing = await matcher(draft, cancellationToken).ConfigureAwait(false);
            merged = existing is not null;
        }

        if (existing is null)
        {
            try
            {
                var created = await uow.CreateCustomerAsync(draft, cancellationToken).ConfigureAwait(false);
                _customers[LookupKey(keyText)] = (created.Id, true);
                return new ImportRowResult(row.Line, ImportOutcome.Created) { RecordId = created.Id.Value, CustomerId = created.Id.Value, Changes = Created(values) };
            }
            catch (CrmValidationException ex)
            {
                return Rejected(row, ex.Errors);
            }
        }

        List<FieldChange> changes;
        try
        {
            changes = mapping.OnMatch == MatchPolicy.Skip ? [] : ApplyCustomer(existing, values, mapping.OnMatch == MatchPolicy.UpdateEmpty);
            if (merged && mapping.Key.By == RecordKeyKind.ExternalId && !existing.ExternalIds.Any(e => string.Equals(e.Source, mapping.Key.Source, StringComparison.OrdinalIgnoreCase)))
            {
                existing.AddExternalId(mapping.Key.Source!, keyText);
                changes.Add(new FieldChange("externalId." + mapping.Key.Source, null, keyText));
            }
        }
        catch (CrmValidationException ex)
        {
            return Rejected(row, ex.Errors);
        }
        catch (DomainRuleException ex)
        {
            return Rejected(row, new ValidationError("customer", ex.Rule, ex.Message));
        }

        _customers[LookupKey(keyText)] = (existing.Id, false);
        if (changes.Count > 0)
        {
            uow.Update(existing);
        }

        var outcome = merged ? ImportOutcome.Merged : changes.Count > 0 ? ImportOutcome.Updated : ImportOutcome.Unchanged;
        return new ImportRowResult(row.Line, outcome) { RecordId = existing.Id.Value, CustomerId = existing.Id.Value, Changes = changes };
    }

    /// <summary>
    /// The customer of an interaction or deal row: from this run's cache, the store, the matcher, or created from the
    /// mapping's customer fields (when <see cref="ImportMapping.CreateCustomers"/>).
    /// </summary>
    private async Task<(CustomerId? Id, bool Created, bool StoredBefore, IReadOnlyList<ValidationError> Errors)> ResolveCustomerAsync(SourceRow row, string keyText, ICrmUnitOfWork uow, CancellationToken cancellationToken)
    {
        var lookup = LookupKey(keyText);
        if (_customers.TryGetValue(lookup, out var known))
        {
            return (known.Id, false, !known.CreatedInRun, []);
        }

        Customer? existing;
        try
        {
            existing = await FindCustomerAsync(keyText, cancellationToken).ConfigureAwait(false);
        }
        catch (CrmValidationException ex)
        {
            return (null, false, false, ex.Errors);
        }

        if (existing is not null)
        {
            _customers[lookup] = (existing.Id, false);
            return (existing.Id, false, true, []);
        }

        if (!mapping.CreateCustomers)
        {
            return (null, false, false, [new ValidationError("key", "not-found", $"No customer has the key '{keyText}' and the mapping creates none (createCustomers is false).")]);
        }

        var (draft, _, errors) = BuildCustomerDraft(row, keyText);
        if (errors.Count > 0)
        {
            return (null, false, false, errors);
        }

        if (options.Matcher is { } matcher && await matcher(draft, cancellationToken).ConfigureAwait(false) is { } match)
        {
            if (mapping.Key.By == RecordKeyKind.ExternalId)
            {
                match.AddExternalId(mapping.Key.Source!, keyText);
                uow.Update(match);
            }

            _customers[lookup] = (match.Id, false);
            return (match.Id, false, true, []);
        }

        try
        {
            var created = await uow.CreateCustomerAsync(draft, cancellationToken).ConfigureAwait(false);
            _customers[lookup] = (created.Id, true);
            return (created.Id, true, false, []);
        }
        catch (CrmValidationException ex)
        {
            return (null, false, false, ex.Errors);
        }
    }

    private (CustomerDraft Draft, Dictionary<string, string?> Values, List<ValidationError> Errors) BuildCustomerDraft(SourceRow row, string keyText)
    {
        var errors = new List<ValidationError>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in mapping.Customer.Keys)
        {
            values[name] = Text(row, mapping.Customer, name, out var failure);
            if (failure is not null)
            {
                errors.Add(new ValidationError("customer." + name, failure, $"'{values[name]}' is not a {failure} ({Describe(mapping.Customer[name])})."));
            }
        }

        var kind = CustomerKind.Person;
        if (values.GetValueOrDefault("kind") is { } kindText && !Enum.TryParse(kindText, ignoreCase: true, out kind))
        {
            errors.Add(new ValidationError("customer.kind", "choice", $"'{kindText}' is not person or company."));
        }

        var stage = LifecycleStage.Lead;
        if (values.GetValueOrDefault("lifecycleStage") is { } stageText && !Enum.TryParse(stageText, ignoreCase: true, out stage))
        {
            errors.Add(new ValidationError("customer.lifecycleStage", "choice", $"'{stageText}' is not a lifecycle stage."));
        }

        var custom = new Dictionary<string, CustomFieldValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (name.StartsWith("custom.", StringComparison.Ordinal) && value is not null)
            {
                custom[name[7..]] = CustomValue(name, value, errors);
            }
        }

        var externalIds = mapping.Key.By == RecordKeyKind.ExternalId
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [mapping.Key.Source!] = keyText }
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var email = values.GetValueOrDefault("email") ?? (mapping.Key.By == RecordKeyKind.Email ? keyText : null);
        var phone = values.GetValueOrDefault("phone") ?? (mapping.Key.By == RecordKeyKind.Phone ? keyText : null);
        var draft = new CustomerDraft
        {
            Kind = kind,
            DisplayName = values.GetValueOrDefault("displayName"),
            GivenName = values.GetValueOrDefault("givenName"),
            FamilyName = values.GetValueOrDefault("familyName"),
            CompanyName = values.GetValueOrDefault("companyName"),
            Emails = email is null ? [] : [email],
            Phones = phone is null ? [] : [phone],
            Tags = values.GetValueOrDefault("tags") is { } tags ? tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            LifecycleStage = stage,
            OwnerId = values.GetValueOrDefault("ownerId"),
            CustomFields = new ReadOnlyDictionary<string, CustomFieldValue>(custom),
            ExternalIds = new ReadOnlyDictionary<string, string>(externalIds),
        };
        if (draft.DisplayName is null && draft.GivenName is null && draft.FamilyName is null && draft.CompanyName is null)
        {
            // A customer known only by its key (an Online Retail customer id): named after the key, as a person would read it.
            draft = draft with { DisplayName = mapping.Key.By == RecordKeyKind.ExternalId ? $"{mapping.Key.Source} {keyText}" : keyText };
        }

        return (draft, values, errors);
    }

    private CustomFieldValue CustomValue(string name, string value, List<ValidationError> errors)
    {
        var culture = CultureFor(mapping.Customer, name);
        var source = mapping.Customer[name];
        if (source.Format is not null && FieldParsers.TryParseDate(value, source.Format, culture, out var date))
        {
            return CustomFieldValue.Date(date);
        }

        if (source.Format is not null)
        {
            errors.Add(new ValidationError("customer." + name, "date", $"'{value}' does not match the date pattern '{source.Format}'."));
        }

        return CustomFieldValue.Text(value);
    }

    /// <summary>Applies a row's values to a stored customer; returns the fields changed (for UpdateEmpty, only empty ones filled).</summary>
    private static List<FieldChange> ApplyCustomer(Customer customer, Dictionary<string, string?> values, bool onlyEmpty)
    {
        var changes = new List<FieldChange>();
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case "displayName" when !onlyEmpty && !string.Equals(customer.DisplayName, value, StringComparison.Ordinal):
                    changes.Add(new FieldChange(name, customer.DisplayName, value));
                    customer.Rename(value);
                    break;
                case "companyName" when (onlyEmpty ? customer.CompanyName is null : !string.Equals(customer.CompanyName, value, StringComparison.Ordinal)):
                    changes.Add(new FieldChange(name, customer.CompanyName, value));
                    customer.SetCompanyName(value);
                    break;
                case "givenName" or "familyName":
                    var given = name == "givenName" ? value : customer.PersonName?.GivenName;
                    var family = name == "familyName" ? value : customer.PersonName?.FamilyName;
                    var before = name == "givenName" ? customer.PersonName?.GivenName : customer.PersonName?.FamilyName;
                    if (!string.Equals(before, value, StringComparison.Ordinal) && (!onlyEmpty || before is null))
                    {
                        changes.Add(new FieldChange(name, before, value));
                        customer.SetPersonName(PersonName.Create(given, family, customer.PersonName?.MiddleName));
                    }

                    break;
                case "email" when !customer.Emails.Any(e => string.Equals(e.Address.Normalized, EmailAddress.Normalize(value), StringComparison.Ordinal)) && (!onlyEmpty || customer.Emails.Count == 0):
                    changes.Add(new FieldChange(name, customer.PrimaryEmail?.Value, value));
                    customer.AddEmail(value);
                    break;
                case "phone" when !customer.Phones.Any(p => string.Equals(p.Number.E164, PhoneNumber.TryNormalize(value, null) ?? value, StringComparison.Ordinal)) && (!onlyEmpty || customer.Phones.Count == 0):
                    changes.Add(new FieldChange(name, (customer.Phones.Count > 0 ? customer.Phones[0].Number.E164 : null), value));
                    customer.AddPhone(value);
                    break;
                case "tags":
                    foreach (var tag in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (customer.AddTag(tag))
                        {
                            changes.Add(new FieldChange(name, null, tag));
                        }
                    }

                    break;
                case "ownerId" when (onlyEmpty ? customer.OwnerId is null : !string.Equals(customer.OwnerId, value, StringComparison.Ordinal)):
                    changes.Add(new FieldChange(name, customer.OwnerId, value));
                    customer.AssignOwner(value);
                    break;
                case "lifecycleStage" when !onlyEmpty && Enum.TryParse<LifecycleStage>(value, true, out var stage) && stage != customer.LifecycleStage:
                    changes.Add(new FieldChange(name, customer.LifecycleStage.ToString(), stage.ToString()));
                    customer.ChangeLifecycleStage(stage);
                    break;
                case var custom when custom.StartsWith("custom.", StringComparison.Ordinal):
                    var key = custom[7..];
                    var current = customer.CustomFields.GetValueOrDefault(key);
                    var currentText = current is TextFieldValue t ? t.Value : current?.ToString();
                    var text = CustomFieldValue.Text(value);
                    if ((current is null || (!onlyEmpty && !Equals(current, text))) && current?.Type is null or CustomFieldType.Text)
                    {
                        changes.Add(new FieldChange(name, currentText, value));
                        customer.SetCustomField(key, text);
                    }

                    break;
            }
        }

        return changes;
    }

    private static List<FieldChange> Created(Dictionary<string, string?> values) =>
        [.. values.Where(v => v.Value is not null).Select(v => new FieldChange(v.Key, null, v.Value))];

    private static string Describe(FieldSource source) =>
        source.Column is { } column ? $"column '{column}'"
        : source.Columns is { } columns ? $"columns '{string.Join("', '", columns)}'"
        : source.Multiply is { } factors ? $"columns '{string.Join("' × '", factors)}'"
        : source.Constant is not null ? "a constant" : "rules";
}
