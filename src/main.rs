fn main() {
    std::process::exit(kgexport::cli::run());
}
