export class TypeTable {
    types;
    interned = new Map();
    /** @param types the table, appended to; the object types already in it are reused. */
    constructor(types) {
        this.types = types;
        types.forEach((t, i) => {
            if (typeof t === 'object')
                this.interned.set(JSON.stringify(t), i);
        });
    }
    /** The reference of `t`: an identical type already in the table, else `t` appended. */
    intern(t) {
        const key = JSON.stringify(t);
        const hit = this.interned.get(key);
        if (hit !== undefined)
            return hit;
        this.types.push(t);
        this.interned.set(key, this.types.length - 1);
        return this.types.length - 1;
    }
}
