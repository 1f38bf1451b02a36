namespace logonet {
int ioAnchor() {
    return 0;
}
}  // namespace logonet
