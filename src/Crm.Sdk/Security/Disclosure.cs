using System.Runtime.CompilerServices;
using Crm.Sdk.Customers;
using Crm.Sdk.Domain;
using Crm.Sdk.Interactions;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Security;

/// <summary>
/// The one place where records leave the SDK. Every public call hands the aggregates it returns through here, after its
/// access checks passed; internal reads (owner checks, the reads of read-modify-write commands, the unit of work's
/// lookups) load records from the store directly and never pass here, so they are neither masked nor audited.
/// </summary>
/// <remarks>
/// <para>
/// For an actor who does not see personal data (<see cref="AccessPolicy.SeesPersonalData"/>), each customer, interaction
/// and ticket is replaced by a masked copy (<see cref="CustomerMasking"/>, <see cref="InteractionMasking"/>,
/// <see cref="TicketMasking"/>) marked <see cref="AggregateRoot{T}.IsMasked"/>, which the SDK refuses to save
/// (<see cref="MaskedDataException"/>). The record read from the store is never changed.
/// </para>
/// <para>
/// For an actor who sees personal data, the records a read call returns are recorded in the audit trail as one
/// <c>Read</c> entry listing their ids (one per chunk of a stream), when the audit trail is added and access control is
/// on. Masked records are not recorded (no personal data was read), nor are deals and pipelines (they hold none), nor
/// the records a write returns (the write has its own entry).
/// </para>
/// </remarks>
internal static class Disclosure
{
    /// <summary>How many records of a stream one read entry lists.</summary>
    internal const int StreamChunkSize = 64;

    /// <summary>One record a read call returns.</summary>
    public static async Task<T> ReadAsync<T>(this AccessPolicy access, CrmStore store, T item, CancellationToken cancellationToken)
        where T : AggregateRoot<T> =>
        (await access.ReadAsync(store, [item], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>The records a read call returns, in order.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(this AccessPolicy access, CrmStore store, IReadOnlyList<T> items, CancellationToken cancellationToken)
        where T : AggregateRoot<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0 || PersonalResource<T>() is not { } resource)
        {
            return items;
        }

        if (!access.SeesPersonalData)
        {
            return [.. items.Select(Mask)];
        }

        await store.RecordReadAsync(resource, [.. items.Select(i => i.Id.Value)], cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <summary>A page a read call returns.</summary>
    public static async Task<Page<T>> ReadAsync<T>(this AccessPolicy access, CrmStore store, Page<T> page, CancellationToken cancellationToken)
        where T : AggregateRoot<T>
    {
        ArgumentNullException.ThrowIfNull(page);
        return page with { Items = await access.ReadAsync(store, page.Items, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The 360° summary: its customer is the record handed out.</summary>
    public static async Task<Customer360> ReadAsync(this AccessPolicy access, CrmStore store, Customer360 summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary with { Customer = await access.ReadAsync(store, summary.Customer, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// A stream a read call returns: masked record by record, or recorded chunk by chunk (<see cref="StreamChunkSize"/>
    /// records, read ahead from <paramref name="items"/> and recorded before they are handed out).
    /// </summary>
    public static IAsyncEnumerable<T> ReadAsync<T>(this AccessPolicy access, CrmStore store, IAsyncEnumerable<T> items, CancellationToken cancellationToken)
        where T : AggregateRoot<T> =>
        PersonalResource<T>() is null ? items : ReadPersonalAsync(access, store, items, cancellationToken);

    /// <summary>A record a write call (create, command) returns: masked for an actor who does not see personal data, never recorded as a read.</summary>
    public static T Written<T>(this AccessPolicy access, T item)
        where T : AggregateRoot<T> =>
        PersonalResource<T>() is null || access.SeesPersonalData ? item : Mask(item);

    /// <summary>The records a write call returns (see <see cref="Written{T}(AccessPolicy, T)"/>).</summary>
    public static IReadOnlyList<T> Written<T>(this AccessPolicy access, IReadOnlyList<T> items)
        where T : AggregateRoot<T> =>
        PersonalResource<T>() is null || access.SeesPersonalData ? items : [.. items.Select(Mask)];

    /// <summary>Throws when a masked copy is handed back to be saved.</summary>
    /// <exception cref="MaskedDataException">The aggregate is a masked copy.</exception>
    public static void ThrowIfMasked<T>(T aggregate)
        where T : AggregateRoot<T>
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.IsMasked)
        {
            throw new MaskedDataException(typeof(T).Name, aggregate.Id.Value);
        }
    }

    /// <summary>The resource of an aggregate type that holds personal data, or <see langword="null"/> (deals, pipelines).</summary>
    internal static CrmResource? PersonalResource<T>() =>
        typeof(T) == typeof(Customer) ? CrmResource.Customers
        : typeof(T) == typeof(Interaction) ? CrmResource.Interactions
        : typeof(T) == typeof(Ticket) ? CrmResource.Tickets
        : null;

    private static T Mask<T>(T item) => item switch
    {
        Customer customer => (T)(object)CustomerMasking.Mask(customer),
        Interaction interaction => (T)(object)InteractionMasking.Mask(interaction),
        Ticket ticket => (T)(object)TicketMasking.Mask(ticket),
        _ => item,
    };

    private static async IAsyncEnumerable<T> ReadPersonalAsync<T>(AccessPolicy access, CrmStore store, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : AggregateRoot<T>
    {
        await foreach (var chunk in items.Chunk(StreamChunkSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in await access.ReadAsync(store, chunk, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }
}
