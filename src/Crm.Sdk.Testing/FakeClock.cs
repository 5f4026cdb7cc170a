using NodaTime;

namespace Crm.Sdk.Testing;

/// <summary>
/// A clock that stands still until told to move, for tests of code that takes an <see cref="IClock"/>.
/// Thread-safe. (NodaTime.Testing is not served by the package feed this project builds from.)
/// </summary>
public sealed class FakeClock : IClock
{
    private readonly Lock _gate = new();
    private Instant _now;
    private Duration _autoAdvance;

    /// <summary>Creates a clock at a given instant.</summary>
    /// <param name="initial">The current instant.</param>
    /// <param name="autoAdvance">How far the clock moves after each read; zero to stand still.</param>
    public FakeClock(Instant initial, Duration autoAdvance = default)
    {
        _now = initial;
        _autoAdvance = autoAdvance;
    }

    /// <summary>Creates a clock at a UTC date and time.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <param name="hour">The hour.</param>
    /// <param name="minute">The minute.</param>
    /// <returns>The clock.</returns>
    public static FakeClock FromUtc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(Instant.FromUtc(year, month, day, hour, minute));

    /// <summary>How far the clock moves after each read.</summary>
    public Duration AutoAdvance
    {
        get { lock (_gate) { return _autoAdvance; } }
        set { lock (_gate) { _autoAdvance = value; } }
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            var now = _now;
            _now += _autoAdvance;
            return now;
        }
    }

    /// <summary>Moves the clock forward (or back, with a negative duration).</summary>
    /// <param name="duration">How far.</param>
    public void Advance(Duration duration)
    {
        lock (_gate)
        {
            _now += duration;
        }
    }

    /// <summary>Sets the clock to an instant.</summary>
    /// <param name="instant">The new current instant.</param>
    public void Reset(Instant instant)
    {
        lock (_gate)
        {
            _now = instant;
        }
    }
}
