namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// One case of the hostile-input corpus: an optional arrangement (run before the store is snapshotted, never judged),
/// the call under test through the public API, what the contract allows as its outcome, and, for an accepted input, a
/// check of what was stored (a round trip through the public API).
/// </summary>
internal sealed class CorpusCase
{
    /// <summary>The category the case is counted under.</summary>
    public required string Category { get; init; }

    /// <summary>What the case does, for reports: target and input.</summary>
    public required string Name { get; init; }

    /// <summary>The outcomes the contract allows.</summary>
    public required Expect Expect { get; init; }

    /// <summary>Prepares what the call needs (for example a fresh deal to lose); runs before the "before" snapshot.</summary>
    public Func<Task>? Arrange { get; init; }

    /// <summary>The call under test; returns what the call returned.</summary>
    public required Func<Task<object?>> Act { get; init; }

    /// <summary>After a normal return: reads back what was stored and returns a description of any difference, or <see langword="null"/>.</summary>
    public Func<object?, Task<string?>>? Verify { get; init; }

    /// <summary>Wraps a call that returns nothing.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The act.</returns>
    public static Func<Task<object?>> Call(Func<Task> call) => async () =>
    {
        await call();
        return null;
    };

    /// <summary>Wraps a call that returns a value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="call">The call.</param>
    /// <returns>The act.</returns>
    public static Func<Task<object?>> Call<T>(Func<Task<T>> call) => async () => await call();

    /// <summary>Wraps a stream that is read to its end.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stream">Opens the stream.</param>
    /// <returns>The act; returns the number of items.</returns>
    public static Func<Task<object?>> Stream<T>(Func<IAsyncEnumerable<T>> stream) => async () =>
    {
        var count = 0;
        await foreach (var item in stream())
        {
            count++;
        }

        return count;
    };

    /// <inheritdoc />
    public override string ToString() => $"{Category}: {Name}";
}
