import * as fs from 'node:fs';
/**
 * Creates `abs` (never an existing file) holding `data`, flushed when `durable`. A write that fails
 * (a full disk) removes the file it created: no truncated file is ever left.
 */
function create(abs, data, durable) {
    const fd = fs.openSync(abs, 'wx');
    try {
        fs.writeFileSync(fd, data);
        if (durable)
            fs.fsyncSync(fd);
    }
    catch (e) {
        fs.closeSync(fd);
        fs.rmSync(abs, { force: true });
        throw e;
    }
    fs.closeSync(fd);
}
/** The real thing. */
export const diskOps = {
    createFile: (abs, data) => create(abs, data, false),
    createDurable: (abs, data) => create(abs, data, true),
    rename: (from, to) => fs.renameSync(from, to),
    link(existing, alias) {
        try {
            fs.linkSync(existing, alias);
        }
        catch (e) {
            // File systems without hard links: a copy does the same job, slower.
            if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK'].includes(e.code ?? ''))
                throw e;
            fs.copyFileSync(existing, alias, fs.constants.COPYFILE_EXCL);
        }
    },
    unlink: (abs) => fs.unlinkSync(abs),
    mkdir: (abs) => fs.mkdirSync(abs),
    rmdir: (abs) => fs.rmdirSync(abs),
    removeTree: (abs) => fs.rmSync(abs, { recursive: true, force: true }),
    syncDir(abs) {
        let fd;
        try {
            fd = fs.openSync(abs, 'r');
            fs.fsyncSync(fd);
        }
        catch {
            // Not every platform can open or flush a folder (Windows); the rename is still atomic there.
        }
        finally {
            if (fd !== undefined)
                fs.closeSync(fd);
        }
    },
};
