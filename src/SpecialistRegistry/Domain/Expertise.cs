namespace SpecialistRegistry.Domain;

/// <summary>The regulator's fixed taxonomy of expertise areas.</summary>
public enum ExpertiseArea
{
    SolventExtraction,
    IonExchange,
    RareEarthMetallurgy,
    NdFeBSintering,
    SmCoMagnets,
    GrainBoundaryDiffusion,
    AnalyticalChemistry,
    ProcessEquipment,
    MineralProcessing,
    BondedMagnets,
    AlloyCasting,
    EnvironmentalControl,
}

public enum ExpertiseLevel
{
    Basic,
    Intermediate,
    Advanced,
    Expert,
}

public sealed class Expertise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpecialistId { get; set; }
    public ExpertiseArea Area { get; set; }
    public ExpertiseLevel Level { get; set; }
    public int Years { get; set; }
}
