using Crm.Sdk.Customers.Events;
using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <content>Changing the customer's tags, custom fields, lifecycle stage, owner and external ids.</content>
public sealed partial class Customer
{
    /// <summary>Adds a tag (see <see cref="CustomerTag"/>). Adding a tag the customer has already is a no-op.</summary>
    /// <param name="tag">The tag as entered.</param>
    /// <returns>Whether the tag was new.</returns>
    /// <exception cref="CrmValidationException">The tag breaks the tag rule (field <c>Tag</c>; see <see cref="CustomerTag"/>), or the customer has <see cref="MaxTags"/> tags (rule <c>too-many</c>).</exception>
    public bool AddTag(string tag)
    {
        var errors = new List<ValidationError>();
        var normalized = CustomerTag.Validate(tag, "Tag", errors);
        InputRules.ThrowIfAny(errors);
        if (_tags.Contains(normalized!))
        {
            return false;
        }

        if (_tags.Count >= MaxTags)
        {
            throw new CrmValidationException([TooMany(nameof(Tags), MaxTags)]);
        }

        _tags.Add(normalized!);
        Raise(new CustomerTagged(Id, normalized!));
        return true;
    }

    /// <summary>Removes a tag (compared in normalized form).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>Whether the customer had the tag.</returns>
    /// <exception cref="CrmValidationException">The tag breaks the tag rule (field <c>Tag</c>; see <see cref="CustomerTag"/>).</exception>
    public bool RemoveTag(string tag)
    {
        var normalized = CustomerTag.Normalize(tag);
        if (!_tags.Remove(normalized))
        {
            return false;
        }

        Raise(new CustomerUntagged(Id, normalized));
        return true;
    }

    /// <summary>
    /// For a data upgrade of the tag rule: replaces every stored tag by its form under the current rule. Tags that become
    /// equal are merged into one; a tag that is no longer valid under the current rule (for example longer than
    /// <see cref="CustomerTag.MaxLength"/> once folded) keeps its stored form, so that nothing is dropped. Raises no event.
    /// </summary>
    /// <param name="renormalize">The current form of a stored tag, or <see langword="null"/> when it has none.</param>
    /// <returns>How many tags changed, and how many had to keep their stored form.</returns>
    internal (int Changed, int Kept) RenormalizeTags(Func<string, string?> renormalize)
    {
        var changed = 0;
        var kept = 0;
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tag in _tags)
        {
            var renormalized = renormalize(tag);
            kept += renormalized is null ? 1 : 0;
            changed += renormalized is not null && renormalized != tag ? 1 : 0;
            tags.Add(renormalized ?? tag);
        }

        if (changed > 0)
        {
            _tags.Clear();
            _tags.UnionWith(tags);
        }

        return (changed, kept);
    }

    /// <summary>Sets a custom field, checking the value against the host's definition.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="CrmValidationException">The field is unknown (rule <c>custom-field-unknown</c>), the value has the wrong type
    /// (<c>custom-field-type</c>), is not an option (<c>custom-field-choice</c>) or is too long (<c>max-length</c>); the field is <c>CustomFields.&lt;key&gt;</c>.</exception>
    public void SetCustomField(string key, CustomFieldValue value) =>
        SetCustomField(key, value, Policy);

    /// <summary>Sets a custom field, checking the value against the host's definition.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value.</param>
    /// <param name="policy">The host's policy with the definitions.</param>
    /// <exception cref="CrmValidationException">The field is unknown (rule <c>custom-field-unknown</c>), the value has the wrong type
    /// (<c>custom-field-type</c>), is not an option (<c>custom-field-choice</c>) or is too long (<c>max-length</c>); the field is <c>CustomFields.&lt;key&gt;</c>.</exception>
    internal void SetCustomField(string key, CustomFieldValue value, CustomerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<ValidationError>();
        var definition = policy.FindCustomField(key);
        if (definition is null)
        {
            errors.Add(UnknownCustomField(key));
        }
        else
        {
            definition.Check(value, errors);
        }

        InputRules.ThrowIfAny(errors);
        if (_customFields.TryGetValue(key, out var current) && current.Equals(value))
        {
            return;
        }

        _customFields[key] = value;
        Raise(new CustomerCustomFieldSet(Id, key));
    }

    /// <summary>Clears a custom field. A field the host no longer defines can always be cleared.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>Whether the field had a value.</returns>
    /// <exception cref="CrmValidationException">The field is required (field <c>CustomFields.&lt;key&gt;</c>, rule <c>required</c>).</exception>
    public bool ClearCustomField(string key) =>
        ClearCustomField(key, Policy);

    /// <summary>Clears a custom field. A field the host no longer defines can always be cleared.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="policy">The host's policy with the definitions.</param>
    /// <returns>Whether the field had a value.</returns>
    /// <exception cref="CrmValidationException">The field is required (field <c>CustomFields.&lt;key&gt;</c>, rule <c>required</c>).</exception>
    internal bool ClearCustomField(string key, CustomerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.FindCustomField(key) is { IsRequired: true })
        {
            throw new CrmValidationException("CustomFields." + key, "required", $"Custom field '{key}' is required and cannot be cleared.");
        }

        if (!_customFields.Remove(key))
        {
            return false;
        }

        Raise(new CustomerCustomFieldCleared(Id, key));
        return true;
    }

    /// <summary>Moves the customer to a lifecycle stage; any stage may follow any other.</summary>
    /// <param name="stage">The new stage.</param>
    /// <exception cref="CrmValidationException">The stage is not defined (field <c>LifecycleStage</c>, rule <c>undefined-value</c>).</exception>
    public void ChangeLifecycleStage(LifecycleStage stage)
    {
        InputRules.ThrowIfUndefined<LifecycleStage>(stage, nameof(LifecycleStage));

        if (stage == LifecycleStage)
        {
            return;
        }

        var from = LifecycleStage;
        LifecycleStage = stage;
        Raise(new CustomerLifecycleStageChanged(Id, from, stage));
    }

    /// <summary>Assigns the customer to a host user, or unassigns it.</summary>
    /// <param name="ownerId">The host user's id (trimmed, at most 100 characters); <see langword="null"/> or blank unassigns.</param>
    /// <exception cref="CrmValidationException">The id is too long or has control characters (field <c>OwnerId</c>).</exception>
    public void AssignOwner(string? ownerId)
    {
        var errors = new List<ValidationError>();
        var owner = InputRules.Optional(ownerId, nameof(OwnerId), MaxOwnerIdLength, errors, out _);
        InputRules.ThrowIfAny(errors);
        if (string.Equals(owner, OwnerId, StringComparison.Ordinal))
        {
            return;
        }

        var previous = OwnerId;
        OwnerId = owner;
        Raise(new CustomerOwnerChanged(Id, previous, owner));
    }

    /// <summary>Links an id of another system. Adding the same source and value again is a no-op.</summary>
    /// <param name="source">The source system, for example <c>erp</c> (case-insensitive).</param>
    /// <param name="value">The id in that system.</param>
    /// <returns>The external id.</returns>
    /// <exception cref="CrmValidationException">The source or value is invalid (fields <c>Source</c>, <c>Value</c>), the customer already has another
    /// value for the source (field <c>ExternalIds.&lt;source&gt;</c>, rule <c>duplicate-source</c>), or has <see cref="MaxContacts"/> external ids (rule <c>too-many</c>).
    /// Another customer holding the same source and value is reported on save with <see cref="DuplicateKeyException"/>.</exception>
    public ExternalId AddExternalId(string source, string value)
    {
        var errors = new List<ValidationError>();
        var externalId = ExternalId.Validate(source, value, nameof(ExternalId.Source), nameof(ExternalId.Value), errors);
        InputRules.ThrowIfAny(errors);
        var existing = _externalIds.Find(e => e.Source == externalId!.Source);
        if (existing is not null && existing.Equals(externalId))
        {
            return existing;
        }

        if (existing is not null)
        {
            errors.Add(new ValidationError($"{nameof(ExternalIds)}.{existing.Source}", "duplicate-source", $"The customer already has '{existing.Value}' for source '{existing.Source}'; remove it first."));
        }

        if (_externalIds.Count >= MaxContacts)
        {
            errors.Add(TooMany(nameof(ExternalIds), MaxContacts));
        }

        InputRules.ThrowIfAny(errors);
        var index = _externalIds.FindIndex(e => string.CompareOrdinal(e.Source, externalId!.Source) > 0);
        _externalIds.Insert(index < 0 ? _externalIds.Count : index, externalId!);
        Raise(new CustomerExternalIdAdded(Id, externalId!));
        return externalId!;
    }

    /// <summary>Unlinks the external id of a source.</summary>
    /// <param name="source">The source system (case-insensitive).</param>
    /// <returns>Whether the customer had an id of that source.</returns>
    public bool RemoveExternalId(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var normalized = ExternalId.NormalizeSource(source);
        var index = _externalIds.FindIndex(e => e.Source == normalized);
        if (index < 0)
        {
            return false;
        }

        var removed = _externalIds[index];
        _externalIds.RemoveAt(index);
        Raise(new CustomerExternalIdRemoved(Id, removed));
        return true;
    }
}
