using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Interactions.Events;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace Crm.Sdk.Tests.Events;

public class DomainEventMappingTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 9, 30, 15) + Duration.FromTicks(1234567);

    [Fact]
    public void An_outbox_row_holds_the_event_type_time_and_data_with_ids_as_guid_text()
    {
        var interaction = new InteractionId(Guid.Parse("01a202a9-3b7e-7aab-b662-81f43ced2c76"));
        var customer = new CustomerId(Guid.Parse("01a202a9-3ab6-7fb5-9205-8e36f28d0a62"));

        var write = DomainEventMapping.ToWrite(new InteractionRecorded(interaction, customer, InteractionKind.Email), "Interaction", interaction.Value, At);

        Assert.Equal(
            """{"eventType":"InteractionRecorded","recordedAt":"2026-11-22T09:30:15.1234567Z","data":{"interactionId":"01a202a9-3b7e-7aab-b662-81f43ced2c76","customerId":"01a202a9-3ab6-7fb5-9205-8e36f28d0a62","kind":"email"}}""",
            write.Body);
        Assert.Equal(DomainEventMapping.CollectionName, write.Collection);
    }

    [Fact]
    public void The_aggregate_type_and_id_are_index_values_of_the_row()
    {
        var interaction = new InteractionId(Guid.CreateVersion7());
        var write = DomainEventMapping.ToWrite(new InteractionRecorded(interaction, new CustomerId(Guid.CreateVersion7()), InteractionKind.Call), "Interaction", interaction.Value, At);

        Assert.Equal("Interaction", write.Indexes![DomainEventMapping.AggregateType]);
        Assert.Equal(interaction.Value, write.Indexes[DomainEventMapping.AggregateId]);
        Assert.Equal("InteractionRecorded", write.Indexes[DomainEventMapping.EventType]);
    }

    [Property(Arbitrary = [typeof(NonEmptyGuids)])]
    public bool Typed_ids_round_trip_as_guid_text(Guid value)
    {
        var json = JsonSerializer.Serialize(new DealId(value), CrmJson.Options);
        return json == $"\"{value}\"" && JsonSerializer.Deserialize<DealId>(json, CrmJson.Options) == new DealId(value);
    }

    /// <summary>Any instant from the first to the last NodaTime can hold, at any precision, is written as extended ISO text
    /// (the fraction only as long as needed, then 'Z'), the text stored documents hold, and reads back exactly.</summary>
    [Property(Arbitrary = [typeof(NodaValues)])]
    public bool Instants_are_written_as_extended_iso_text_and_read_back(Instant instant)
    {
        var json = JsonSerializer.Serialize(instant, CrmJson.Options);
        return json == $"\"{InstantPattern.ExtendedIso.Format(instant)}\""
            && JsonSerializer.Deserialize<Instant>(json, CrmJson.Options) == instant
            && JsonSerializer.Deserialize<Instant?>(json, CrmJson.Options) == instant;
    }

    /// <summary>Any ISO date, years -9998 to 9999, is written as <c>uuuu-MM-dd</c> and reads back exactly.</summary>
    [Property(Arbitrary = [typeof(NodaValues)])]
    public bool Dates_are_written_as_iso_text_and_read_back(LocalDate date)
    {
        var json = JsonSerializer.Serialize(date, CrmJson.Options);
        return json == $"\"{LocalDatePattern.Iso.Format(date)}\""
            && JsonSerializer.Deserialize<LocalDate>(json, CrmJson.Options) == date;
    }

    [Fact]
    public void Instants_and_dates_at_the_edges_keep_their_text()
    {
        Assert.Equal("\"-9998-01-01T00:00:00Z\"", JsonSerializer.Serialize(Instant.MinValue, CrmJson.Options));
        Assert.Equal("\"9999-12-31T23:59:59.999999999Z\"", JsonSerializer.Serialize(Instant.MaxValue, CrmJson.Options));
        Assert.Equal("\"2025-03-14T09:30:00.1Z\"", JsonSerializer.Serialize(Instant.FromUtc(2025, 3, 14, 9, 30) + Duration.FromMilliseconds(100), CrmJson.Options));
        Assert.Equal("\"0001-01-01\"", JsonSerializer.Serialize(new LocalDate(1, 1, 1), CrmJson.Options));
        Assert.Equal("\"-0044-03-15\"", JsonSerializer.Serialize(new LocalDate(-44, 3, 15), CrmJson.Options));
        Assert.Equal("\"9999-12-31\"", JsonSerializer.Serialize(new LocalDate(9999, 12, 31), CrmJson.Options));
    }

    /// <summary>A date of another calendar is refused rather than written with its own year, month and day as if ISO.</summary>
    [Fact]
    public void A_date_of_another_calendar_is_refused()
    {
        var julian = new LocalDate(1815, 11, 28, CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(julian, CrmJson.Options));
    }

    [Theory]
    [InlineData("\"2025-03-14\"")]
    [InlineData("\"2025-03-14T09:30:00\"")]
    [InlineData("\"2025-03-14T09:30:00+01:00\"")]
    [InlineData("1741944600")]
    [InlineData("null")]
    public void Text_that_is_not_an_extended_iso_instant_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>(json, CrmJson.Options));

    /// <summary>Non-empty GUIDs.</summary>
    public static class NonEmptyGuids
    {
        public static Arbitrary<Guid> Guids() => ArbMap.Default.ArbFor<Guid>().Filter(g => g != Guid.Empty);
    }

    /// <summary>Instants over NodaTime's whole range with 0 to 9 significant fraction digits, and ISO dates over theirs.</summary>
    public static class NodaValues
    {
        private static readonly long FirstDay = Instant.MinValue.ToUnixTimeTicks() / NodaConstants.TicksPerDay;
        private static readonly long LastDay = Instant.MaxValue.ToUnixTimeTicks() / NodaConstants.TicksPerDay;

        public static Arbitrary<Instant> Instants() => (
            from day in Gen.Choose((int)FirstDay, (int)LastDay - 1)
            from second in Gen.Choose(0, 86_399)
            from digits in Gen.Choose(0, 9)
            from fraction in Gen.Choose(0, 999_999_999)
            let nanos = fraction - (fraction % (long)Math.Pow(10, 9 - digits))
            select Instant.FromUnixTimeTicks(day * NodaConstants.TicksPerDay) + Duration.FromSeconds(second) + Duration.FromNanoseconds(nanos)).ToArbitrary();

        public static Arbitrary<LocalDate> Dates() => (
            from day in Gen.Choose((int)FirstDay, (int)LastDay)
            select new LocalDate(1970, 1, 1).PlusDays(day)).ToArbitrary();
    }

    [Theory]
    [InlineData("\"not-a-guid\"")]
    [InlineData("\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("{\"value\":\"01a202a9-3b7e-7aab-b662-81f43ced2c76\"}")]
    [InlineData("42")]
    public void A_typed_id_that_is_not_a_non_empty_guid_string_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CustomerId>(json, CrmJson.Options));
}
