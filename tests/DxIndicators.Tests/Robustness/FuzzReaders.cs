namespace DxIndicators.Tests.Robustness;

/// <summary>One reader's fuzz run (<see cref="FuzzTests"/>): a class per reader, so that xunit runs the readers in
/// parallel (each test class is its own collection; the cases of one theory would run one after another).</summary>
[Trait("Category", "Fuzz")]
public abstract class ReaderFuzz
{
    /// <summary>Gets the reader's name in <see cref="FuzzTests"/>.</summary>
    public abstract string Reader { get; }

    [Fact]
    public Task MutatedInputs_OnlyDocumentedOutcomes() => FuzzTests.Reader_MutatedInputs_OnlyDocumentedOutcomes(Reader);
}

public sealed class FuzzFrameworkJson : ReaderFuzz
{
    public override string Reader => "framework-json";
}

public sealed class FuzzTargetCatalogueJson : ReaderFuzz
{
    public override string Reader => "target-catalogue-json";
}

public sealed class FuzzObservationsCsv : ReaderFuzz
{
    public override string Reader => "observations-csv";
}

public sealed class FuzzObservationsJson : ReaderFuzz
{
    public override string Reader => "observations-json";
}

public sealed class FuzzUnitsCsv : ReaderFuzz
{
    public override string Reader => "units-csv";
}

public sealed class FuzzTargetsCsv : ReaderFuzz
{
    public override string Reader => "targets-csv";
}

public sealed class FuzzCoinrImport : ReaderFuzz
{
    public override string Reader => "coinr-import";
}

public sealed class FuzzWeightsCsv : ReaderFuzz
{
    public override string Reader => "weights-csv";
}

public sealed class FuzzGoalpostsCsv : ReaderFuzz
{
    public override string Reader => "goalposts-csv";
}

public sealed class FuzzGroupsCsv : ReaderFuzz
{
    public override string Reader => "groups-csv";
}
