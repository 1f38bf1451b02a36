// Gives the resource library an object file of its own; the resources register themselves.
namespace logonet {
int resourcesAnchor() {
    return 0;
}
}  // namespace logonet
